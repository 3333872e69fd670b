package dev.latchkey.client;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.latchkey.auth.RefusalAudits;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.token.LastUses;
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
	void aNewSecretEndsTheOldOneAtOnceEvenWhileTheClientIsCached() {
		// given: the client's authentication is cached by a first introspection
		assertThat(introspect(basic(this.clientId, this.clientSecret), this.tenant.adminToken(), null).status())
			.isEqualTo(200);

		// when
		ApiResponse replaced = this.api.post("/api/v1/clients/" + this.clientUuid + "/secret", this.tenant.adminToken(),
				null);

		// then
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.header("Cache-Control")).contains("no-store");
		String newSecret = replaced.text("clientSecret");
		assertThat(newSecret).startsWith("lkcs_").isNotEqualTo(this.clientSecret);
		assertThat(replaced.text("clientId")).isEqualTo(this.clientId);
		assertThat(introspect(basic(this.clientId, this.clientSecret), this.tenant.adminToken(), null).status())
			.isEqualTo(401);
		assertThat(introspect(basic(this.clientId, newSecret), this.tenant.adminToken(), null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/clients/" + this.clientUuid, this.tenant.adminToken()).body())
			.doesNotContain(newSecret);
		assertThat(this.jdbc.sql("select details from audit_events where target_id = :id and type = :type")
			.param("id", this.clientId)
			.param("type", "CLIENT_SECRET_REPLACED")
			.query(String.class)
			.list()).hasSize(1).allSatisfy((details) -> assertThat(String.valueOf(details)).doesNotContain(newSecret));
	}

	@Test
	void anotherOrganisationsAdminCannotReplaceTheSecret() {
		Tenant other = this.fixtures.tenant();
		ApiResponse foreign = this.api.post("/api/v1/clients/" + this.clientUuid + "/secret", other.adminToken(), null);
		ApiResponse malformed = this.api.post("/api/v1/clients/not-an-id/secret", this.tenant.adminToken(), null);

		assertThat(foreign.status()).isEqualTo(404);
		assertThat(malformed.status()).isEqualTo(404);
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

	@Test
	void theAnswerCarriesTheTokensScopes() {
		this.api.post("/api/v1/scopes", this.tenant.adminToken(), "{\"name\":\"deploy\"}");
		String narrow = create("[\"read_api\",\"deploy\"]", null).text("token");

		ApiResponse admin = introspect(basic(this.clientId, this.clientSecret), this.tenant.adminToken(), null);
		ApiResponse scoped = introspect(basic(this.clientId, this.clientSecret), narrow, null);

		assertThat(admin.text("scope")).isEqualTo("api");
		assertThat(scoped.json().get("active").asBoolean()).isTrue();
		assertThat(scoped.text("scope")).isEqualTo("deploy read_api");
	}

	@Test
	void anAllowlistedTokenIsActiveOnlyForACallerAddressItsAllowlistAdmits() {
		String token = create("[\"api\"]", "[\"198.51.100.0/24\",\"2001:db8::/32\"]").text("token");
		String basic = basic(this.clientId, this.clientSecret);

		ApiResponse withoutAddress = introspect(basic, token, null);
		ApiResponse disallowed = introspect(basic, token, "&client_address=203.0.113.9");
		ApiResponse disallowedV6 = introspect(basic, token, "&client_address=2001:db9::1");
		ApiResponse allowed = introspect(basic, token, "&client_address=198.51.100.7");
		ApiResponse allowedV6 = introspect(basic, token, "&client_address=" + encode("2001:db8:0:1::7"));

		assertThat(List.of(withoutAddress, disallowed, disallowedV6)).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).isEqualTo("{\"active\":false}");
		});
		assertThat(allowed.json().get("active").asBoolean()).isTrue();
		assertThat(allowed.text("token_id")).isNotBlank();
		assertThat(allowedV6.json().get("active").asBoolean()).isTrue();
	}

	@Test
	void aTokenWithoutAnAllowlistIsActiveWithOrWithoutACallerAddress() {
		String basic = basic(this.clientId, this.clientSecret);

		ApiResponse without = introspect(basic, this.tenant.adminToken(), null);
		ApiResponse withV4 = introspect(basic, this.tenant.adminToken(), "&client_address=203.0.113.9");
		ApiResponse withV6 = introspect(basic, this.tenant.adminToken(), "&client_address=" + encode("::1"));

		assertThat(List.of(without, withV4, withV6))
			.allSatisfy((answer) -> assertThat(answer.json().get("active").asBoolean()).as(answer.toString()).isTrue());
	}

	@Test
	void theCallerAddressIsWhatLastUseRecords() {
		ApiResponse created = create("[\"api\"]", "[\"198.51.100.0/24\"]");

		introspect(basic(this.clientId, this.clientSecret), created.text("token"), "&client_address=198.51.100.7");
		LastUses.flush(this.context);

		ApiResponse token = this.api.get("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken());
		assertThat(token.text("lastUsedAt")).isNotNull();
		assertThat(token.text("lastUsedIp")).isEqualTo("198.51.100.7");
	}

	@Test
	void aCallerAddressThatIsNotAnAddressIsRefusedWith400() {
		String basic = basic(this.clientId, this.clientSecret);

		for (String address : new String[] { "", "not-an-ip", "198.51.100.0/24", "example.org", "10.1", "256.1.1.1",
				"198.51.100.7:443", "[::1]", "2001:db8::/32" }) {
			ApiResponse response = introspect(basic, this.tenant.adminToken(), "&client_address=" + encode(address));
			assertThat(response.status()).as(address).isEqualTo(400);
			assertThat(response.text("error")).isEqualTo("invalid_request");
			assertThat(response.body()).doesNotContain(this.tenant.adminToken());
		}
	}

	@Test
	void aCallerAddressTheAllowlistRefusesIsAuditedWithTheReason() {
		ApiResponse created = create("[\"api\"]", "[\"198.51.100.0/24\"]");
		RefusalAudits.flush(this.context);

		introspect(basic(this.clientId, this.clientSecret), created.text("token"), "&client_address=203.0.113.9");
		introspect(basic(this.clientId, this.clientSecret), created.text("token"), null);
		RefusalAudits.flush(this.context);

		assertThat(this.jdbc
			.sql("select details from audit_events where target_id = :id"
					+ " and type = 'TOKEN_AUTHENTICATION_REFUSED'")
			.param("id", created.text("id"))
			.query(String.class)
			.list()).containsExactly("reason=ADDRESS_NOT_ALLOWED, count=2");
	}

	@Test
	void anotherOrganisationsTokenIsInactiveEvenFromAnAddressItsAllowlistAdmits() {
		Tenant other = this.fixtures.tenant();
		ApiResponse foreign = this.api.post("/api/v1/tokens", other.adminToken(),
				"{\"name\":\"foreign\",\"allowedIps\":[\"198.51.100.0/24\"]}");

		ApiResponse response = introspect(basic(this.clientId, this.clientSecret), foreign.text("token"),
				"&client_address=198.51.100.7");

		assertThat(response.body()).isEqualTo("{\"active\":false}");
	}

	private ApiResponse create(String scopes, String allowedIps) {
		ApiResponse created = this.api.post("/api/v1/tokens", this.tenant.adminToken(),
				"{\"name\":\"t-" + UUID.randomUUID() + "\",\"scopes\":" + scopes
						+ ((allowedIps != null) ? ",\"allowedIps\":" + allowedIps : "") + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
