package dev.latchkey.auth;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /auth/verify} as reverse proxies call it.
 */
class ForwardAuthIntegrationTests extends TenantIntegrationTests {

	@Test
	void aValidTokenIsAnsweredWithHeadersNamingUserOrganisationAndToken() {
		ApiResponse response = this.api.get("/auth/verify", this.tenant.adminToken());
		ApiResponse viaHeader = this.api
			.send(this.api.raw("/auth/verify/orders/42").header("token", this.tenant.adminToken()).GET());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Latchkey-User")).isEqualTo(this.tenant.admin().username());
		assertThat(response.header("X-Latchkey-User-Id")).isEqualTo(this.tenant.admin().id().toString());
		assertThat(response.header("X-Latchkey-Organisation")).isEqualTo(this.tenant.organisation().name());
		assertThat(response.header("X-Latchkey-Role")).isEqualTo("ORG_ADMIN");
		assertThat(response.header("X-Latchkey-Token-Id")).isNotBlank();
		assertThat(response.body()).doesNotContain(this.tenant.adminToken());
		assertThat(viaHeader.status()).isEqualTo(200);
	}

	@Test
	void noTokenOrABadTokenGets401WithTheBearerChallenge() {
		ApiResponse none = this.api.get("/auth/verify", null);
		Tenant.Member member = this.tenant.anotherAdmin();
		this.api.post("/api/v1/users/" + member.user().id() + "/deactivate", this.tenant.adminToken(), null);
		ApiResponse revoked = this.api.get("/auth/verify", member.token());

		assertThat(none.status()).isEqualTo(401);
		assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"latchkey\"");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.header("WWW-Authenticate")).contains("invalid_token");
		assertThat(revoked.header("X-Latchkey-User")).isNull();
	}

}
