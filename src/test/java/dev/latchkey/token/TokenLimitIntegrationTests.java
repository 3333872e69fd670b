package dev.latchkey.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.latchkey.system.Actor;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Race;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.token.TokenProblems.OwnerUnlicensed;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenLimitIntegrationTests extends TenantIntegrationTests {

	@Autowired
	TokenManagement tokens;

	@Test
	void theEleventhTokenIsRefusedWithAProblemThatNamesTheLimit() {
		createMany(9);

		ApiResponse eleventh = create("eleventh", null);

		assertThat(eleventh.status()).isEqualTo(409);
		assertThat(eleventh.problemType()).isEqualTo("token-limit-reached");
		assertThat(eleventh.text("detail")).contains("10").contains("Delete a token");
		assertThat(tokenCount()).isEqualTo(10);
	}

	@Test
	void revokedTokensHoldTheirSlot() {
		List<String> ids = createMany(9);
		assertStatus(revoke(ids.get(0)), 200, "REVOKED");

		assertThat(create("no-room", null).status()).isEqualTo(409);
	}

	@Test
	void deletingATokenFreesItsSlot() {
		List<String> ids = createMany(9);
		assertStatus(this.api.delete("/api/v1/tokens/" + ids.get(0), this.tenant.adminToken()), 204, null);

		assertThat(create("room-again", null).status()).isEqualTo(201);
	}

	@Test
	void expiredTokensFreeTheirSlot() {
		assertStatus(create("short-lived", "{\"name\":\"short-lived\",\"expiresInDays\":1}"), 201, "ACTIVE");
		createMany(8);
		assertThat(create("full", null).status()).isEqualTo(409);

		this.clock.advance(Duration.ofDays(1));

		assertThat(create("after-expiry", null).status()).isEqualTo(201);
	}

	@Test
	void aReapprovedTokenCountsLikeAnyOther() {
		List<String> ids = createMany(9);
		assertStatus(revoke(ids.get(0)), 200, "REVOKED");
		assertStatus(this.api.post("/api/v1/tokens/" + ids.get(0) + "/reapprove", this.tenant.adminToken(), null), 200,
				"ACTIVE");

		assertThat(create("still-full", null).status()).isEqualTo(409);
	}

	@Test
	void aUserWithoutALicenseCannotBeIssuedTokens() {
		User unlicensed = this.fixtures.user(this.tenant.organisation(), dev.latchkey.system.Role.ORG_ADMIN, false);

		assertThatExceptionOfType(OwnerUnlicensed.class)
			.isThrownBy(() -> this.tokens.issueFor(Actor.operator(), unlicensed.id(), NewToken.named("refused")));
	}

	@Test
	void fiftyParallelCreatesForOneUserLeaveExactlyTen() throws Exception {
		int created = Race.parallelCreates(50, (i) -> create("parallel-" + i, null));

		assertThat(created).isEqualTo(9);
		assertThat(tokenCount()).isEqualTo(10);
	}

	private List<String> createMany(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ApiResponse response = create("token-" + i, null);
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			ids.add(response.text("id"));
		}
		return ids;
	}

	private ApiResponse revoke(String id) {
		return this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null);
	}

	/** A step the test depends on did what it should, or the test proves nothing. */
	private static void assertStatus(ApiResponse response, int status, String tokenStatus) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		if (tokenStatus != null) {
			assertThat(response.text("status")).as(response.toString()).isEqualTo(tokenStatus);
		}
	}

	private ApiResponse create(String name, String json) {
		return this.api.post("/api/v1/tokens", this.tenant.adminToken(),
				(json != null) ? json : "{\"name\":\"" + name + "\"}");
	}

	private int tokenCount() {
		return this.api.get("/api/v1/tokens", this.tenant.adminToken()).json().size();
	}

}
