package dev.latchkey.auth;

import java.security.SecureRandom;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.token.TokenFormat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /auth/verify} as reverse proxies call it: bound to the organisation whose
 * API it protects (SPEC §10).
 */
class ForwardAuthIntegrationTests extends TenantIntegrationTests {

	@Autowired
	RefusedAuthentications refusals;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aValidTokenIsAnsweredWithHeadersNamingUserOrganisationAndToken() {
		ApiResponse response = this.api.get(verify(this.tenant), this.tenant.adminToken());
		ApiResponse viaHeader = this.api
			.send(this.api.raw("/auth/verify/orders/42?organisation=" + this.tenant.organisation().name())
				.header("token", this.tenant.adminToken())
				.GET());

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
		ApiResponse none = this.api.get(verify(this.tenant), null);
		Tenant.Member member = this.tenant.anotherAdmin();
		this.api.post("/api/v1/users/" + member.user().id() + "/deactivate", this.tenant.adminToken(), null);
		ApiResponse revoked = this.api.get(verify(this.tenant), member.token());

		assertThat(none.status()).isEqualTo(401);
		assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"latchkey\"");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.header("WWW-Authenticate")).contains("invalid_token");
		assertThat(revoked.header("X-Latchkey-User")).isNull();
	}

	@Test
	void withoutAnOrganisationForwardAuthRefusesToDecide() {
		ApiResponse bare = this.api.get("/auth/verify", this.tenant.adminToken());
		ApiResponse blank = this.api.get("/auth/verify?organisation=", this.tenant.adminToken());
		ApiResponse twice = this.api.get(
				verify(this.tenant) + "&organisation=" + this.fixtures.tenant().organisation().name(),
				this.tenant.adminToken());

		assertThat(bare.status()).isEqualTo(400);
		assertThat(bare.problemType()).isEqualTo("invalid-token-request");
		assertThat(bare.text("detail")).contains("organisation=");
		assertThat(bare.header("X-Latchkey-User")).isNull();
		assertThat(blank.status()).isEqualTo(400);
		assertThat(twice.status()).isEqualTo(400);
	}

	@Test
	void anotherOrganisationsValidTokenIsRefusedExactlyLikeAnUnknownToken() {
		Tenant other = this.fixtures.tenant();
		String unknown = new TokenFormat("lkp_", new SecureRandom()).generate().reveal();

		ApiResponse foreign = this.api.get(verify(this.tenant), other.adminToken());
		ApiResponse stranger = this.api.get(verify(this.tenant), unknown);
		ApiResponse atHome = this.api.get(verify(other), other.adminToken());

		assertThat(foreign.status()).isEqualTo(401);
		assertThat(foreign.header("X-Latchkey-User")).isNull();
		assertThat(foreign.header("WWW-Authenticate")).isEqualTo(stranger.header("WWW-Authenticate"));
		assertThat(foreign.body()).isEqualTo(stranger.body());
		assertThat(atHome.status()).isEqualTo(200);
	}

	@Test
	void aTokenPresentedToAnotherOrganisationsApiIsAuditedInItsOwnOrganisation() {
		Tenant other = this.fixtures.tenant();
		this.refusals.flush();

		this.api.get(verify(this.tenant), other.adminToken());
		this.refusals.flush();

		assertThat(this.jdbc.sql(
				"select details from audit_events where organisation_id = :org and type = 'TOKEN_AUTHENTICATION_REFUSED'")
			.param("org", other.organisation().id().value())
			.query(String.class)
			.list()).containsExactly("reason=OTHER_ORGANISATION, count=1");
	}

	@Test
	void anOrganisationThatDoesNotExistAdmitsNobody() {
		ApiResponse response = this.api.get("/auth/verify?organisation=no-such-organisation", this.tenant.adminToken());

		assertThat(response.status()).isEqualTo(401);
	}

	private static String verify(Tenant tenant) {
		return "/auth/verify?organisation=" + tenant.organisation().name();
	}

}
