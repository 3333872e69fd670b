package dev.latchkey.auth;

import java.net.http.HttpRequest.BodyPublishers;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.testing.Tenant.Member;
import dev.latchkey.token.TokenFormat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC rule 11: how tokens are presented, and how every kind of bad token is refused the
 * same way.
 */
class AuthenticationIntegrationTests extends TenantIntegrationTests {

	@Autowired
	RefusedAuthentications refusals;

	@Autowired
	JdbcClient jdbc;

	@Test
	void missingCredentialsGet401WithABearerChallenge() {
		ApiResponse response = this.api.get("/api/v1/me", null);
		ApiResponse basic = this.api.send(this.api.raw("/api/v1/me").header("Authorization", "Basic YTpi").GET());

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"latchkey\", " + metadata());
		assertThat(response.problemType()).isEqualTo("authentication-required");
		assertThat(basic.status()).isEqualTo(401);
		assertThat(basic.header("WWW-Authenticate")).isEqualTo(response.header("WWW-Authenticate"));
	}

	@Test
	void theChallengesPointToTheApisProtectedResourceMetadata() {
		ApiResponse metadata = this.api.get("/.well-known/oauth-protected-resource", null);

		assertThat(metadata.status()).isEqualTo(200);
		assertThat(metadata.json().get("resource").asString()).isEqualTo("http://127.0.0.1:" + this.port);
		assertThat(metadata.json().get("bearer_methods_supported").get(0).asString()).isEqualTo("header");
		assertThat(metadata.json().get("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
	}

	@Test
	void everyKindOfBadTokenGetsTheSameAnswer() {
		String valid = this.tenant.adminToken();
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("malformed", "lkp_short");
		bad.put("wrong prefix", "ghp_" + valid.substring(4));
		bad.put("bad checksum", valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A"));
		bad.put("unknown", new TokenFormat("lkp_", new SecureRandom()).generate().reveal());
		bad.put("revoked", revokedToken());
		bad.put("expired", expiredToken());
		bad.put("owner deactivated", deactivatedOwnersToken());
		bad.put("owner unlicensed", unlicensedOwnersToken());
		this.clock.advance(Duration.ofDays(1));

		Map<String, ApiResponse> responses = new LinkedHashMap<>();
		bad.forEach((kind, token) -> responses.put(kind, this.api.get("/api/v1/me", token)));

		ApiResponse first = responses.values().iterator().next();
		assertThat(first.status()).isEqualTo(401);
		assertThat(first.header("WWW-Authenticate"))
			.isEqualTo("Bearer realm=\"latchkey\", error=\"invalid_token\", " + metadata());
		responses.forEach((kind, response) -> {
			assertThat(response.status()).as(kind).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).as(kind).isEqualTo(first.header("WWW-Authenticate"));
			assertThat(response.body()).as(kind).isEqualTo(first.body());
		});
		assertThat(this.api.get("/api/v1/me", valid).status()).isEqualTo(200);
	}

	@Test
	void tokensInTheQueryStringOrAFormBodyAreRefused() {
		String valid = this.tenant.adminToken();

		ApiResponse query = this.api.get("/api/v1/me?access_token=" + valid, null);
		ApiResponse queryToken = this.api.get("/api/v1/me?token=" + valid, null);
		ApiResponse form = this.api.send(this.api.raw("/api/v1/tokens")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("access_token=" + valid + "&name=sneaky")));

		assertThat(query.status()).isEqualTo(400);
		assertThat(query.header("WWW-Authenticate")).contains("invalid_request");
		assertThat(queryToken.status()).isEqualTo(400);
		assertThat(form.status()).isEqualTo(400);
		assertThat(query.body()).doesNotContain(valid);
	}

	@Test
	void aTokenInTwoHeadersAtOnceIsRefused() {
		String valid = this.tenant.adminToken();

		ApiResponse response = this.api
			.send(this.api.raw("/api/v1/me").header("Authorization", "Bearer " + valid).header("token", valid).GET());

		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void theBearerSchemeIsCaseInsensitive() {
		ApiResponse response = this.api
			.send(this.api.raw("/api/v1/me").header("Authorization", "bearer " + this.tenant.adminToken()).GET());

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void refusalsAreAuditedAggregatedNotOnePerRequest() {
		String revoked = revokedToken();
		this.refusals.flush();
		for (int i = 0; i < 25; i++) {
			this.api.get("/api/v1/me", revoked);
		}

		this.refusals.flush();

		var events = this.jdbc
			.sql("select details, client_ip from audit_events where organisation_id = :org and type = :type")
			.param("org", this.tenant.organisation().id().value())
			.param("type", "TOKEN_AUTHENTICATION_REFUSED")
			.query((rs, n) -> rs.getString("details") + " from " + rs.getString("client_ip"))
			.list();
		assertThat(events).containsExactly("reason=REVOKED, count=25 from 127.0.0.1");
	}

	private String revokedToken() {
		Member member = this.tenant.anotherAdmin();
		String id = this.api.get("/api/v1/tokens?owner=" + member.user().id(), this.tenant.adminToken())
			.json()
			.get(0)
			.get("id")
			.asString();
		this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null);
		return member.token();
	}

	private String expiredToken() {
		return this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"one-day\",\"expiresInDays\":1}")
			.text("token");
	}

	private String deactivatedOwnersToken() {
		Member member = this.tenant.anotherAdmin();
		this.api.post("/api/v1/users/" + member.user().id() + "/deactivate", this.tenant.adminToken(), null);
		return member.token();
	}

	private String unlicensedOwnersToken() {
		Member member = this.tenant.anotherAdmin();
		this.api.put("/api/v1/users/" + member.user().id() + "/license", this.tenant.adminToken(),
				"{\"licensed\":false}");
		return member.token();
	}

	/** RFC 9728: where a client finds how to present a token to this API. */
	private String metadata() {
		return "resource_metadata=\"http://127.0.0.1:" + this.port + "/.well-known/oauth-protected-resource\"";
	}

}
