package dev.latchkey.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Race;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §9: an organisation that revokes tokens unused for some days gets its idle tokens
 * revoked as {@code UNUSED} by the sweep, once each, and can re-approve them.
 */
class TokenUnusedIntegrationTests extends TenantIntegrationTests {

	@Autowired
	UnusedTokenSweep sweep;

	@Autowired
	TokenManagement tokens;

	@Autowired
	ApplicationContext context;

	private Instant started;

	@BeforeEach
	void noteTheStart() {
		this.started = this.clock.instant().minusSeconds(60);
	}

	@Test
	void aTokenUnusedForTheOrganisationsDaysIsRevokedAsUnused() {
		// given
		Created idle = create(this.tenant, "idle");
		revokeUnusedAfter(this.tenant, 30);
		this.clock.advance(Duration.ofDays(31));
		keepAdminAlive(this.tenant);

		// when
		this.sweep.revokeDue();

		// then
		ApiResponse token = this.api.get("/api/v1/tokens/" + idle.id(), this.tenant.adminToken());
		assertThat(token.text("status")).isEqualTo("REVOKED");
		assertThat(token.text("statusReason")).isEqualTo("UNUSED");
		assertThat(this.api.get("/api/v1/me", idle.secret()).status()).isEqualTo(401);
		assertThat(revocationsOf(this.tenant, idle.id())).singleElement()
			.satisfies((event) -> assertThat(event.get("details").asString()).isEqualTo("reason=UNUSED"));
	}

	@Test
	void aTokenUsedWithinTheDaysIsKept() {
		// given
		Created busy = create(this.tenant, "busy");
		revokeUnusedAfter(this.tenant, 30);
		this.clock.advance(Duration.ofDays(20));
		assertThat(this.api.get("/api/v1/me", busy.secret()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofDays(11));
		keepAdminAlive(this.tenant);

		// when
		this.sweep.revokeDue();

		// then
		assertThat(this.api.get("/api/v1/tokens/" + busy.id(), this.tenant.adminToken()).text("status"))
			.isEqualTo("ACTIVE");
		assertThat(this.api.get("/api/v1/me", busy.secret()).status()).isEqualTo(200);
	}

	@Test
	void aTokenRevokedAsUnusedCanBeReapprovedAndIsKeptUntilItIsIdleAgain() {
		// given: revoked as unused
		Created idle = create(this.tenant, "idle");
		revokeUnusedAfter(this.tenant, 30);
		this.clock.advance(Duration.ofDays(31));
		keepAdminAlive(this.tenant);
		this.sweep.revokeDue();

		// when: re-approved, and swept again the next day
		ApiResponse reapproved = this.api.post("/api/v1/tokens/" + idle.id() + "/reapprove", this.tenant.adminToken(),
				null);
		this.clock.advance(Duration.ofDays(1));
		keepAdminAlive(this.tenant);
		this.sweep.revokeDue();

		// then: it works again and was kept
		assertThat(reapproved.status()).as(reapproved.body()).isEqualTo(200);
		assertThat(reapproved.text("status")).isEqualTo("ACTIVE");
		assertThat(this.api.get("/api/v1/tokens/" + idle.id(), this.tenant.adminToken()).text("status"))
			.isEqualTo("ACTIVE");

		// and when: idle for the days once more, counted from the re-approval
		this.clock.advance(Duration.ofDays(31));
		keepAdminAlive(this.tenant);
		this.sweep.revokeDue();

		// then
		assertThat(this.api.get("/api/v1/tokens/" + idle.id(), this.tenant.adminToken()).text("statusReason"))
			.isEqualTo("UNUSED");
		assertThat(revocationsOf(this.tenant, idle.id())).hasSize(2);
	}

	@Test
	void withThePolicyOffNoTokenIsRevokedAsUnused() {
		// given: the default policy keeps unused tokens
		Created idle = create(this.tenant, "idle");
		this.clock.advance(Duration.ofDays(89));

		// when
		this.sweep.revokeDue();

		// then
		ApiResponse policies = this.api.get("/api/v1/organisation/policies", this.tenant.adminToken());
		assertThat(policies.json().get("revokeTokensUnusedForDays").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/tokens/" + idle.id(), this.tenant.adminToken()).text("status"))
			.isEqualTo("ACTIVE");
		assertThat(this.api.get("/api/v1/me", idle.secret()).status()).isEqualTo(200);
	}

	@Test
	void anotherOrganisationsPolicyDoesNotApplyToThisOne() {
		// given: the other organisation revokes after one day, this one never
		Created ours = create(this.tenant, "ours");
		Tenant other = this.fixtures.tenant();
		Created theirs = create(other, "theirs");
		revokeUnusedAfter(other, 1);
		this.clock.advance(Duration.ofDays(2));
		keepAdminAlive(other);

		// when
		this.sweep.revokeDue();

		// then
		assertThat(this.api.get("/api/v1/tokens/" + ours.id(), this.tenant.adminToken()).text("status"))
			.isEqualTo("ACTIVE");
		assertThat(this.api.get("/api/v1/tokens/" + theirs.id(), other.adminToken()).text("statusReason"))
			.isEqualTo("UNUSED");
	}

	@Test
	void twoInstancesSweepingAtOnceRevokeEachTokenOnce() throws Exception {
		// given
		List<Created> idle = List.of(create(this.tenant, "idle-1"), create(this.tenant, "idle-2"),
				create(this.tenant, "idle-3"));
		revokeUnusedAfter(this.tenant, 30);
		this.clock.advance(Duration.ofDays(31));
		keepAdminAlive(this.tenant);
		LastUses.flush(this.context);

		// when: two sweeps at once, as two instances on one database run them
		Callable<Integer> sweep = () -> this.tokens.revokeUnused(UnusedTokenSweep.BATCH_SIZE);
		Race.of(List.of(sweep, sweep));

		// then
		for (Created token : idle) {
			assertThat(this.api.get("/api/v1/tokens/" + token.id(), this.tenant.adminToken()).text("statusReason"))
				.isEqualTo("UNUSED");
			assertThat(revocationsOf(this.tenant, token.id())).hasSize(1);
		}
	}

	private Created create(Tenant tenant, String name) {
		ApiResponse created = this.api.post("/api/v1/tokens", tenant.adminToken(), "{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Created(created.text("id"), created.text("token"));
	}

	private void revokeUnusedAfter(Tenant tenant, int days) {
		ApiResponse changed = this.api.put("/api/v1/organisation/policies", tenant.adminToken(),
				"{\"maxTokensPerLicense\":10,\"defaultTokenLifetimeDays\":90,\"maxTokenLifetimeDays\":365,"
						+ "\"revokeTokensOnLogout\":true,\"revokeTokensUnusedForDays\":" + days + "}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
	}

	/** The admin's own token is used now, so the sweep leaves it (and the test) alone. */
	private void keepAdminAlive(Tenant tenant) {
		assertThat(this.api.get("/api/v1/me", tenant.adminToken()).status()).isEqualTo(200);
	}

	private List<JsonNode> revocationsOf(Tenant tenant, String tokenId) {
		ApiResponse events = this.api.get("/api/v1/audit-events?type=TOKEN_REVOKED&size=500&from=" + this.started
				+ "&to=" + this.clock.instant().plusSeconds(60), tenant.adminToken());
		assertThat(events.status()).as(events.body()).isEqualTo(200);
		return StreamSupport.stream(events.json().get("items").spliterator(), false)
			.filter((event) -> tokenId.equals(event.get("targetId").asString()))
			.toList();
	}

	private record Created(String id, String secret) {

	}

}
