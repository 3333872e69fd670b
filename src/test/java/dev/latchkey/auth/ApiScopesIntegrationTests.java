package dev.latchkey.auth;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.token.TokenFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latchkey's own API under scopes and allowlists (SPEC §8): {@code api} for every change,
 * {@code api} or {@code read_api} for reads, any scope for {@code /api/v1/me}; an
 * allowlisted token used from elsewhere is refused like an unknown one. Loopback is the
 * trusted proxy, so a test can play a client at any address.
 */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")
class ApiScopesIntegrationTests extends TenantIntegrationTests {

	static final String INSUFFICIENT_SCOPE = "Bearer realm=\"latchkey\", error=\"insufficient_scope\"";

	String reader;

	String readerId;

	String deployer;

	@BeforeEach
	void createTokens() {
		assertThat(this.api.post("/api/v1/scopes", this.tenant.adminToken(), "{\"name\":\"deploy\"}").status())
			.isEqualTo(201);
		ApiResponse read = create("[\"read_api\"]", null);
		this.reader = read.text("token");
		this.readerId = read.text("id");
		this.deployer = create("[\"deploy\"]", null).text("token");
	}

	@Test
	void aReadApiTokenReadsTokensScopesAndTheAuditTrail() {
		List<ApiResponse> reads = List.of(this.api.get("/api/v1/tokens", this.reader),
				this.api.get("/api/v1/tokens?owner=all", this.reader),
				this.api.get("/api/v1/tokens/" + this.readerId, this.reader),
				this.api.get("/api/v1/scopes", this.reader), this.api.get("/api/v1/audit-events", this.reader),
				this.api.send(this.api.raw("/api/v1/tokens").header("token", this.reader).GET()),
				this.api.send(this.api.raw("/api/v1/tokens").header("Authorization", "Bearer " + this.reader).HEAD()));

		assertThat(reads).allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
	}

	@Test
	void aReadApiTokenCannotCreateATokenAndNothingIsCreated() {
		int before = this.api.get("/api/v1/tokens", this.tenant.adminToken()).json().size();

		ApiResponse response = this.api.post("/api/v1/tokens", this.reader, "{\"name\":\"sneaky\"}");

		assertInsufficientScope(response);
		assertThat(response.body()).doesNotContain("lkp_");
		assertThat(this.api.get("/api/v1/tokens", this.tenant.adminToken()).json().size()).isEqualTo(before);
	}

	@Test
	void aReadApiTokenCannotRevokeChangeOrDeleteAndNothingChanges() {
		String target = create("[\"api\"]", null).text("id");
		String before = this.api.get("/api/v1/tokens/" + target, this.tenant.adminToken()).body();

		ApiResponse revoke = this.api.post("/api/v1/tokens/" + target + "/revoke", this.reader, null);
		ApiResponse revokeItself = this.api.post("/api/v1/tokens/" + this.readerId + "/revoke", this.reader, null);
		ApiResponse patch = this.api.send(this.api.raw("/api/v1/tokens/" + this.readerId)
			.header("Authorization", "Bearer " + this.reader)
			.header("Content-Type", "application/json")
			.method("PATCH", BodyPublishers.ofString("{\"allowedIps\":[]}")));
		ApiResponse delete = this.api.delete("/api/v1/tokens/" + target, this.reader);
		ApiResponse defineScope = this.api.post("/api/v1/scopes", this.reader, "{\"name\":\"mine\"}");
		ApiResponse deleteScope = this.api.delete("/api/v1/scopes/deploy", this.reader);

		assertThat(List.of(revoke, revokeItself, patch, delete, defineScope, deleteScope))
			.allSatisfy(ApiScopesIntegrationTests::assertInsufficientScope);
		assertThat(this.api.get("/api/v1/tokens/" + target, this.tenant.adminToken()).body()).isEqualTo(before);
		assertThat(this.api.get("/api/v1/me", this.reader).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/scopes", this.tenant.adminToken()).body()).contains("\"deploy\"")
			.doesNotContain("\"mine\"");
	}

	@Test
	void aTokenWithOnlyACustomScopeCanOnlyAskWhoItIs() {
		ApiResponse tokens = this.api.get("/api/v1/tokens", this.deployer);
		ApiResponse scopes = this.api.get("/api/v1/scopes", this.deployer);
		ApiResponse me = this.api.get("/api/v1/me", this.deployer);

		assertInsufficientScope(tokens);
		assertInsufficientScope(scopes);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("token").get("scopes").toString()).isEqualTo("[\"deploy\"]");
	}

	@Test
	void anAllowlistedTokenIsRefusedFromElsewhereExactlyLikeAnUnknownToken() {
		ApiResponse created = create("[\"api\"]", "[\"198.51.100.0/24\", \"2001:db8::/32\"]");
		String allowlisted = created.text("token");
		String unknown = new TokenFormat("lkp_", new SecureRandom()).generate().reveal();

		ApiResponse inside = me(allowlisted, "198.51.100.7");
		ApiResponse insideV6 = me(allowlisted, "2001:db8::7");
		ApiResponse outside = me(allowlisted, "203.0.113.9");
		ApiResponse stranger = me(unknown, "203.0.113.9");
		ApiResponse changeFromOutside = this.api
			.send(withClient(this.api.raw("/api/v1/tokens"), allowlisted, "203.0.113.9")
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString("{\"name\":\"from-outside\"}")));

		assertThat(inside.status()).isEqualTo(200);
		assertThat(inside.json().get("token").get("allowedIps").toString())
			.isEqualTo("[\"198.51.100.0/24\",\"2001:db8::/32\"]");
		assertThat(insideV6.status()).isEqualTo(200);
		assertThat(outside.status()).isEqualTo(401);
		assertThat(outside.header("WWW-Authenticate")).isEqualTo(stranger.header("WWW-Authenticate"));
		assertThat(outside.body()).isEqualTo(stranger.body());
		assertThat(changeFromOutside.status()).isEqualTo(401);
		assertThat(changeFromOutside.body()).isEqualTo(stranger.body());
	}

	private ApiResponse me(String token, String client) {
		return this.api.send(withClient(this.api.raw("/api/v1/me"), token, client).GET());
	}

	private static HttpRequest.Builder withClient(HttpRequest.Builder request, String token, String client) {
		return request.header("Authorization", "Bearer " + token).header("X-Forwarded-For", client);
	}

	private ApiResponse create(String scopes, String allowedIps) {
		ApiResponse created = this.api.post("/api/v1/tokens", this.tenant.adminToken(),
				"{\"name\":\"t-" + UUID.randomUUID() + "\",\"scopes\":" + scopes
						+ ((allowedIps != null) ? ",\"allowedIps\":" + allowedIps : "") + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	private static void assertInsufficientScope(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.header("WWW-Authenticate")).startsWith(INSUFFICIENT_SCOPE).endsWith("scope=\"api\"");
		assertThat(response.problemType()).isEqualTo("insufficient-scope");
	}

}
