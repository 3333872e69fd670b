package dev.latchkey.client;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.latchkey.auth.RefusalAudits;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource-server clients: registration, RFC 7662 introspection and RFC 7009 revocation,
 * each scoped to the client's organisation.
 */
class OAuthIntegrationTests extends TenantIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	String clientId;

	String clientSecret;

	String clientUuid;

	@BeforeEach
	void registerClient() {
		ApiResponse registered = this.api.post("/api/v1/clients", this.tenant.adminToken(),
				"{\"name\":\"orders-api\"}");
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		this.clientId = registered.text("clientId");
		this.clientSecret = registered.text("clientSecret");
		this.clientUuid = registered.text("id");
	}

	@Test
	void aClientIsRegisteredWithASecretShownOnce() {
		ApiResponse listed = this.api.get("/api/v1/clients", this.tenant.adminToken());
		ApiResponse got = this.api.get("/api/v1/clients/" + this.clientUuid, this.tenant.adminToken());

		assertThat(this.clientId).startsWith("lkc_");
		assertThat(this.clientSecret).startsWith("lkcs_").hasSizeGreaterThan(40);
		assertThat(listed.body()).contains(this.clientId).doesNotContain(this.clientSecret);
		assertThat(got.text("enabled")).isEqualTo("true");
		assertThat(got.body()).doesNotContain(this.clientSecret);
	}

	@Test
	void anActiveTokenIsIntrospectedWithItsClaims() {
		ApiResponse me = this.api.get("/api/v1/me", this.tenant.adminToken());

		ApiResponse basic = introspect(basic(this.clientId, this.clientSecret), this.tenant.adminToken(), null);
		ApiResponse post = introspect(null, this.tenant.adminToken(),
				"&client_id=" + this.clientId + "&client_secret=" + this.clientSecret);

		assertThat(basic.status()).isEqualTo(200);
		assertThat(basic.header("Cache-Control")).contains("no-store");
		assertThat(basic.json().get("active").asBoolean()).isTrue();
		assertThat(basic.text("sub")).isEqualTo(this.tenant.admin().username());
		assertThat(basic.text("org")).isEqualTo(this.tenant.organisation().name());
		assertThat(basic.text("token_id")).isEqualTo(me.json().get("token").get("id").asString());
		assertThat(basic.text("token_type")).isEqualTo("Bearer");
		assertThat(basic.json().get("exp").asLong())
			.isEqualTo(Instant.parse(me.json().get("token").get("expiresAt").asString()).getEpochSecond());
		assertThat(basic.json().get("iat").asLong()).isLessThanOrEqualTo(this.clock.instant().getEpochSecond());
		assertThat(post.body()).isEqualTo(basic.body());
	}

	@Test
	void anythingButAnActiveTokenOfTheClientsOrganisationIsJustInactive() {
		Tenant other = this.fixtures.tenant();
		Tenant.Member revoked = this.tenant.anotherAdmin();
		this.api.post("/api/v1/users/" + revoked.user().id() + "/deactivate", this.tenant.adminToken(), null);

		for (String token : new String[] { other.adminToken(), revoked.token(), "lkp_nonsense", "" + "x" }) {
			ApiResponse response = introspect(basic(this.clientId, this.clientSecret), token, null);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"active\":false}");
		}
	}

	@Test
	void aWrongSecretUnknownClientOrDisabledClientIsRefused() {
		ApiResponse wrongSecret = introspect(basic(this.clientId, this.clientSecret + "x"), this.tenant.adminToken(),
				null);
		ApiResponse unknown = introspect(basic("lkc_unknown", this.clientSecret), this.tenant.adminToken(), null);
		ApiResponse none = introspect(null, this.tenant.adminToken(), null);
		this.api.post("/api/v1/clients/" + this.clientUuid + "/disable", this.tenant.adminToken(), null);
		ApiResponse disabled = introspect(basic(this.clientId, this.clientSecret), this.tenant.adminToken(), null);

		for (ApiResponse response : new ApiResponse[] { wrongSecret, unknown, none, disabled }) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.text("error")).isEqualTo("invalid_client");
			assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
		}
		this.api.post("/api/v1/clients/" + this.clientUuid + "/enable", this.tenant.adminToken(), null);
		assertThat(introspect(basic(this.clientId, this.clientSecret), this.tenant.adminToken(), null).status())
			.isEqualTo(200);
	}

	@Test
	void aClientRevokesItsOrganisationsTokensAndOnlyThose() {
		Tenant.Member member = this.tenant.anotherAdmin();
		Tenant other = this.fixtures.tenant();

		ApiResponse own = revoke(basic(this.clientId, this.clientSecret), member.token());
		ApiResponse foreign = revoke(basic(this.clientId, this.clientSecret), other.adminToken());
		ApiResponse unknown = revoke(basic(this.clientId, this.clientSecret), "lkp_unknown");

		assertThat(own.status()).isEqualTo(200);
		assertThat(foreign.status()).isEqualTo(200);
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/me", member.token()).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/me", other.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void refusedIntrospectionsAndSelfRevocationsAreAuditedLikeTheApis() {
		Tenant other = this.fixtures.tenant();
		Tenant.Member revoked = this.tenant.anotherAdmin();
		this.api.post("/api/v1/users/" + revoked.user().id() + "/deactivate", this.tenant.adminToken(), null);
		RefusalAudits.flush(this.context);

		introspect(basic(this.clientId, this.clientSecret), revoked.token(), null);
		introspect(basic(this.clientId, this.clientSecret), other.adminToken(), null);
		this.api.send(this.api.raw("/oauth2/revoke")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Bearer " + revoked.token())
			.POST(BodyPublishers.ofString("token=" + revoked.token())));
		RefusalAudits.flush(this.context);

		assertThat(refusalsIn(this.tenant)).containsExactly("reason=REVOKED, count=2");
		assertThat(refusalsIn(other)).containsExactly("reason=OTHER_ORGANISATION, count=1");
	}

	@Test
	void aTokenRevokesItself() {
		Tenant.Member member = this.tenant.anotherAdmin();

		ApiResponse response = this.api.send(this.api.raw("/oauth2/revoke")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Bearer " + member.token())
			.POST(BodyPublishers.ofString("token=" + member.token())));

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/me", member.token()).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/tokens?owner=" + member.user().id(), this.tenant.adminToken()).body())
			.contains("REVOKED_BY_OWNER");
	}

	@Test
	void revocationWithoutCredentialsIsRefused() {
		ApiResponse response = revoke(null, this.tenant.adminToken());

		assertThat(response.status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void anotherOrganisationsClientIdAnswers404() {
		Tenant other = this.fixtures.tenant();

		assertThat(this.api.get("/api/v1/clients/" + this.clientUuid, other.adminToken()).status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/clients/" + this.clientUuid + "/disable", other.adminToken(), null).status())
			.isEqualTo(404);
		assertThat(introspect(basic(this.clientId, this.clientSecret), this.tenant.adminToken(), null).status())
			.isEqualTo(200);
	}

	private List<String> refusalsIn(Tenant tenant) {
		return this.jdbc.sql(
				"select details from audit_events where organisation_id = :org and type = 'TOKEN_AUTHENTICATION_REFUSED'")
			.param("org", tenant.organisation().id().value())
			.query(String.class)
			.list();
	}

	private ApiResponse introspect(String authorization, String token, String extra) {
		var request = this.api.raw("/oauth2/introspect").header("Content-Type", "application/x-www-form-urlencoded");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		String body = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + ((extra != null) ? extra : "");
		return this.api.send(request.POST(BodyPublishers.ofString(body)));
	}

	private ApiResponse revoke(String authorization, String token) {
		var request = this.api.raw("/oauth2/revoke").header("Content-Type", "application/x-www-form-urlencoded");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.api.send(request.POST(BodyPublishers.ofString("token=" + token + "&token_type_hint=access_token")));
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
