package dev.latchkey.auth;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scopes at forward auth (SPEC §8, §10): every {@code scope} parameter is required, none
 * means {@code api}; {@code read_api} opens a location only for a safe original method
 * that the proxy forwards; a custom scope opens only the locations that name it. Also:
 * without a trusted proxy, {@code X-Forwarded-For} does not choose the address an
 * allowlist judges.
 */
class ForwardAuthScopesIntegrationTests extends TenantIntegrationTests {

	String readToken;

	String deployToken;

	@BeforeEach
	void defineScopesAndTokens() {
		define(this.tenant, "deploy");
		define(this.tenant, "billing:read");
		this.readToken = create(this.tenant, "reader", "[\"read_api\"]", null);
		this.deployToken = create(this.tenant, "deployer", "[\"deploy\"]", null);
	}

	@Test
	void withoutAScopeParameterALocationRequiresApi() {
		ApiResponse api = verify("", this.tenant.adminToken(), "X-Forwarded-Method", "POST");
		ApiResponse deploy = verify("", this.deployToken, "X-Forwarded-Method", "GET");
		ApiResponse readPost = verify("", this.readToken, "X-Forwarded-Method", "POST");

		assertThat(api.status()).isEqualTo(200);
		assertThat(api.header("X-Latchkey-Scopes")).isEqualTo("api");
		assertThat(deploy.status()).isEqualTo(403);
		assertThat(deploy.header("WWW-Authenticate")).endsWith("scope=\"api\"");
		assertThat(readPost.status()).isEqualTo(403);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "OPTIONS" })
	void aReadApiTokenPassesForASafeMethodInEitherHeader(String method) {
		ApiResponse forwarded = verify("", this.readToken, "X-Forwarded-Method", method);
		ApiResponse original = verify("", this.readToken, "X-Original-Method", method);
		ApiResponse readApi = verify("&scope=read_api", this.readToken, "X-Original-Method", method);

		assertThat(List.of(forwarded, original, readApi)).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.header("X-Latchkey-Scopes")).isEqualTo("read_api");
			assertThat(answer.header("X-Latchkey-User")).isEqualTo(this.tenant.admin().username());
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "DELETE", "PUT", "PATCH", "get", "Head", "TRACE", "" })
	void aReadApiTokenIsRefusedForAnyOtherMethod(String method) {
		ApiResponse forwarded = verify("", this.readToken, "X-Forwarded-Method", method);
		ApiResponse original = verify("&scope=read_api", this.readToken, "X-Original-Method", method);

		assertThat(List.of(forwarded, original)).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
			assertThat(answer.header("X-Latchkey-User")).isNull();
			assertThat(answer.header("X-Latchkey-Scopes")).isNull();
		});
	}

	@Test
	void withoutAMethodHeaderAReadApiTokenIsRefusedWhateverTheCheckRequestsMethod() {
		ApiResponse get = this.api.get(path(this.tenant, ""), this.readToken);
		ApiResponse head = this.api.send(bearer(path(this.tenant, ""), this.readToken).HEAD());

		assertThat(get.status()).isEqualTo(403);
		assertThat(get.problemType()).isEqualTo("insufficient-scope");
		assertThat(head.status()).isEqualTo(403);
	}

	@Test
	void twoMethodHeadersThatDisagreeOrARepeatedOneAreRefusedWith400() {
		ApiResponse disagree = this.api
			.send(bearer(path(this.tenant, ""), this.readToken).header("X-Forwarded-Method", "GET")
				.header("X-Original-Method", "POST")
				.GET());
		ApiResponse repeatedForwarded = this.api
			.send(bearer(path(this.tenant, ""), this.readToken).header("X-Forwarded-Method", "GET")
				.header("X-Forwarded-Method", "GET")
				.GET());
		ApiResponse repeatedOriginal = this.api
			.send(bearer(path(this.tenant, ""), this.tenant.adminToken()).header("X-Original-Method", "POST")
				.header("X-Original-Method", "GET")
				.GET());
		ApiResponse agree = this.api
			.send(bearer(path(this.tenant, ""), this.readToken).header("X-Forwarded-Method", "GET")
				.header("X-Original-Method", "GET")
				.GET());

		assertThat(List.of(disagree, repeatedForwarded, repeatedOriginal)).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.problemType()).isEqualTo("invalid-token-request");
			assertThat(answer.header("X-Latchkey-User")).isNull();
		});
		assertThat(agree.status()).isEqualTo(200);
	}

	@Test
	void aCustomScopeOpensOnlyTheLocationsThatNameIt() {
		ApiResponse deploy = verify("&scope=deploy", this.deployToken, "X-Forwarded-Method", "POST");
		ApiResponse billing = verify("&scope=billing:read", this.deployToken, "X-Forwarded-Method", "GET");
		ApiResponse readApi = verify("&scope=read_api", this.deployToken, "X-Forwarded-Method", "GET");
		ApiResponse readerAtDeploy = verify("&scope=deploy", this.readToken, "X-Forwarded-Method", "GET");

		assertThat(deploy.status()).isEqualTo(200);
		assertThat(deploy.header("X-Latchkey-Scopes")).isEqualTo("deploy");
		assertThat(List.of(billing, readApi, readerAtDeploy))
			.allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(403));
	}

	@Test
	void anApiTokenSatisfiesAnyScopeForAnyMethod() {
		ApiResponse deploy = verify("&scope=deploy", this.tenant.adminToken(), "X-Forwarded-Method", "DELETE");
		ApiResponse undefined = verify("&scope=not.defined-anywhere", this.tenant.adminToken(), "X-Original-Method",
				"POST");
		ApiResponse several = verify("&scope=deploy&scope=billing:read&scope=read_api", this.tenant.adminToken(), null,
				null);

		assertThat(List.of(deploy, undefined, several))
			.allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
	}

	@Test
	void everyScopeParameterIsRequired() {
		String both = create(this.tenant, "both", "[\"deploy\",\"billing:read\"]", null);

		ApiResponse bothHeld = verify("&scope=deploy&scope=billing:read", both, "X-Forwarded-Method", "POST");
		ApiResponse oneHeld = verify("&scope=deploy&scope=billing:read", this.deployToken, "X-Forwarded-Method",
				"POST");

		assertThat(bothHeld.status()).isEqualTo(200);
		assertThat(bothHeld.header("X-Latchkey-Scopes")).isEqualTo("billing:read deploy");
		assertThat(oneHeld.status()).isEqualTo(403);
		assertThat(oneHeld.header("WWW-Authenticate")).endsWith("scope=\"deploy billing:read\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "&scope=", "&scope=Deploy", "&scope=1deploy", "&scope=deploy%20api", "&scope=deploy,api",
			"&scope=deploy&scope=%2Fetc" })
	void aMalformedScopeParameterIsRefusedWith400EvenForAnApiToken(String scope) {
		ApiResponse response = verify(scope, this.tenant.adminToken(), "X-Forwarded-Method", "GET");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.problemType()).isEqualTo("invalid-token-request");
		assertThat(response.header("X-Latchkey-User")).isNull();
	}

	@Test
	void aMissingScopeIsAnsweredWithTheInsufficientScopeChallengeNamingIt() {
		ApiResponse response = verify("&scope=deploy", this.readToken, "X-Original-Method", "GET");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("WWW-Authenticate"))
			.startsWith("Bearer realm=\"latchkey\", error=\"insufficient_scope\", error_description=\"")
			.endsWith("\", scope=\"deploy\"");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo("insufficient-scope");
		assertThat(response.json().get("status").asInt()).isEqualTo(403);
		assertThat(response.text("detail")).contains("'deploy'");
		assertThat(response.header("X-Latchkey-User")).isNull();
		assertThat(response.header("X-Latchkey-Token-Id")).isNull();
		assertThat(response.body()).doesNotContain(this.readToken);
	}

	@Test
	void anotherOrganisationsTokenIsRefusedBeforeItsScopesAreJudged() {
		Tenant other = this.fixtures.tenant();
		define(other, "deploy");
		String foreignDeploy = create(other, "deployer", "[\"deploy\"]", null);
		String foreignReader = create(other, "reader", "[\"read_api\"]", null);

		ApiResponse deploy = verify("&scope=deploy", foreignDeploy, "X-Forwarded-Method", "POST");
		ApiResponse reader = verify("", foreignReader, "X-Forwarded-Method", "GET");

		assertThat(List.of(deploy, reader)).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
			assertThat(answer.problemType()).isEqualTo("invalid-token");
		});
	}

	@Test
	void withoutATrustedProxyForwardedForIsIgnoredAndTheConnectionsAddressIsJudged() {
		String elsewhere = create(this.tenant, "elsewhere", "[\"api\"]", "[\"198.51.100.0/24\"]");
		String loopback = create(this.tenant, "loopback", "[\"api\"]", "[\"127.0.0.1\"]");

		ApiResponse claimed = this.api
			.send(bearer(path(this.tenant, ""), elsewhere).header("X-Forwarded-For", "198.51.100.7").GET());
		ApiResponse fromLoopback = this.api
			.send(bearer(path(this.tenant, ""), loopback).header("X-Forwarded-For", "203.0.113.9").GET());

		assertThat(claimed.status()).isEqualTo(401);
		assertThat(claimed.problemType()).isEqualTo("invalid-token");
		assertThat(fromLoopback.status()).isEqualTo(200);
	}

	private ApiResponse verify(String scopes, String token, String methodHeader, String method) {
		HttpRequest.Builder request = bearer(path(this.tenant, scopes), token);
		if (methodHeader != null) {
			request.header(methodHeader, method);
		}
		return this.api.send(request.GET());
	}

	private HttpRequest.Builder bearer(String path, String token) {
		return this.api.raw(path).header("Authorization", "Bearer " + token);
	}

	private static String path(Tenant tenant, String scopes) {
		return "/auth/verify?organisation=" + tenant.organisation().name() + scopes;
	}

	private void define(Tenant tenant, String scope) {
		ApiResponse defined = this.api.post("/api/v1/scopes", tenant.adminToken(), "{\"name\":\"" + scope + "\"}");
		assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
	}

	/** A token of the tenant's admin, created through the API; returns its secret. */
	private String create(Tenant tenant, String name, String scopes, String allowedIps) {
		String body = "{\"name\":\"" + name + "-" + UUID.randomUUID() + "\",\"scopes\":" + scopes
				+ ((allowedIps != null) ? ",\"allowedIps\":" + allowedIps : "") + "}";
		ApiResponse created = this.api.post("/api/v1/tokens", tenant.adminToken(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.text("token");
	}

}
