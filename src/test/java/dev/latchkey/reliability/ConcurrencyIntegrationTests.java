package dev.latchkey.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Race;
import dev.latchkey.testing.Reliability;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races over real HTTP: revocations against re-approvals of one token, and a user's
 * deactivation against the creation of their tokens. Afterwards the data must agree with
 * the audit trail and with the rules.
 */
class ConcurrencyIntegrationTests extends TenantIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void racingRevocationsAndReapprovalsLeaveAStateTheTrailExplains() throws Exception {
		String id = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"contested\"}").text("id");
		Tenant.Member other = this.tenant.anotherAdmin();
		List<Callable<ApiResponse>> calls = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String token = (i % 2 == 0) ? this.tenant.adminToken() : other.token();
			String action = (i % 3 == 0) ? "/reapprove" : "/revoke";
			calls.add(() -> this.api.post("/api/v1/tokens/" + id + action, token, null));
		}

		List<ApiResponse> answers = Race.of(calls);

		long revocations = count(id, "TOKEN_REVOKED");
		long reapprovals = count(id, "TOKEN_REAPPROVED");
		String status = this.api.get("/api/v1/tokens/" + id, this.tenant.adminToken()).text("status");
		boolean consistent = (revocations - reapprovals == 1 && "REVOKED".equals(status))
				|| (revocations == reapprovals && "ACTIVE".equals(status));
		Reliability.report("concurrency-revoke-reapprove", Map.of("requests", answers.size(), "revokedEvents",
				revocations, "reapprovedEvents", reapprovals, "violations", consistent ? 0 : 1));
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isIn(200, 409));
		assertThat(consistent).as("%d revocations, %d re-approvals, status %s", revocations, reapprovals, status)
			.isTrue();
	}

	@Test
	void aTokenCreatedWhileItsOwnerIsDeactivatedNeverStaysActive() throws Exception {
		Tenant big = this.fixtures.tenant(10);
		int violations = 0;
		int created = 0;
		for (int round = 0; round < 5; round++) {
			Tenant.Member member = big.anotherAdmin();
			List<Callable<ApiResponse>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String name = "racing-" + i;
				calls.add(() -> this.api.post("/api/v1/tokens", member.token(), "{\"name\":\"" + name + "\"}"));
			}
			calls.add(
					() -> this.api.post("/api/v1/users/" + member.user().id() + "/deactivate", big.adminToken(), null));

			List<ApiResponse> answers = Race.of(calls);

			created += (int) answers.stream().filter((a) -> a.status() == 201).count();
			violations += this.jdbc.sql("select count(*) from api_tokens where owner_id = :owner and status = 'ACTIVE'")
				.param("owner", member.user().id().value())
				.query(Integer.class)
				.single();
		}
		Reliability.report("concurrency-deactivate-create",
				Map.of("rounds", 5, "tokensCreatedDuringRaces", created, "violations", violations));
		assertThat(violations).as("active tokens of deactivated users").isZero();
	}

	@Test
	void aLeakReportRacingRevocationsAlwaysEndsLeaked() throws Exception {
		Tenant.Member other = this.tenant.anotherAdmin();
		int rounds = 20;
		List<String> notLeaked = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			ApiResponse created = this.api.post("/api/v1/tokens", this.tenant.adminToken(),
					"{\"name\":\"leaking-" + round + "\"}");
			String id = created.text("id");
			String secret = created.text("token");
			List<Callable<ApiResponse>> calls = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				calls.add(() -> this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null));
			}
			calls.add(() -> this.api.post("/api/v1/tokens/" + id + "/revoke", other.token(), null));
			calls.add(() -> this.api.post("/api/v1/leaks", null, "[{\"token\":\"" + secret + "\"}]"));

			List<ApiResponse> answers = Race.of(calls);

			assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isIn(200, 202));
			String reason = this.api.get("/api/v1/tokens/" + id, this.tenant.adminToken()).text("statusReason");
			if (!"LEAKED".equals(reason)) {
				notLeaked.add(id + " ended " + reason);
			}
			// frees the slot for the next round (ten per license)
			assertThat(this.api.delete("/api/v1/tokens/" + id, this.tenant.adminToken()).status()).isEqualTo(204);
		}
		Reliability.report("concurrency-leak-revoke", Map.of("rounds", rounds, "violations", notLeaked.size()));
		assertThat(notLeaked).as("leaked tokens that a racing revocation left re-approvable").isEmpty();
	}

	private long count(String tokenId, String type) {
		return this.jdbc.sql("select count(*) from audit_events where target_id = :id and type = :type")
			.param("id", tokenId)
			.param("type", type)
			.query(Long.class)
			.single();
	}

}
