package dev.latchkey.token;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/leaks}: secret scanners report tokens; ours are revoked as leaked
 * for good.
 */
class LeakReportIntegrationTests extends TenantIntegrationTests {

	@Test
	void aReportedTokenIsRevokedAsLeakedAndCanNeverComeBack() {
		Tenant.Member member = this.tenant.anotherAdmin();
		String tokenId = this.api.get("/api/v1/tokens?owner=" + member.user().id(), this.tenant.adminToken())
			.json()
			.get(0)
			.get("id")
			.asString();

		ApiResponse report = this.api.post("/api/v1/leaks", null, "[{\"token\":\"" + member.token()
				+ "\",\"type\":\"latchkey_token\",\"url\":\"https://example.org/leak\",\"source\":\"content\"}]");
		ApiResponse reapprove = this.api.post("/api/v1/tokens/" + tokenId + "/reapprove", this.tenant.adminToken(),
				null);

		assertThat(report.status()).isEqualTo(202);
		assertThat(report.body()).isEqualTo("{\"received\":1}");
		assertThat(this.api.get("/api/v1/me", member.token()).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/tokens/" + tokenId, this.tenant.adminToken()).text("statusReason"))
			.isEqualTo("LEAKED");
		assertThat(reapprove.status()).isEqualTo(409);
		assertThat(reapprove.problemType()).isEqualTo("token-leaked");
		ApiResponse trail = this.api.get("/api/v1/audit-events?type=TOKEN_REVOKED", this.tenant.adminToken());
		assertThat(trail.body()).contains("reason=LEAKED").contains("leak-report");
	}

	@Test
	void theAnswerDoesNotTellWhichStringsMatched() {
		ApiResponse ours = this.api.post("/api/v1/leaks", null,
				"[{\"token\":\"" + this.tenant.anotherAdmin().token() + "\"},{\"token\":\"ghp_notours\"}]");
		ApiResponse none = this.api.post("/api/v1/leaks", null, "[{\"token\":\"abc\"},{\"token\":\"def\"}]");

		assertThat(ours.status()).isEqualTo(none.status());
		assertThat(ours.body()).isEqualTo(none.body());
	}

}
