package dev.latchkey.auth;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.latchkey.system.RateLimits;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits and headers that hold under attack: refused tokens are rate-limited per client
 * address without ever refusing a valid one, every request carries one credential at
 * most, the address comes from {@code X-Forwarded-For} only through a trusted proxy,
 * bodies are bounded, and every answer carries the security headers. Here the loopback
 * address is a trusted proxy, so each test can play a client of its own.
 */
@TestPropertySource(
		properties = { "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1", "latchkey.auth.refusals-per-window=3",
				// windows are aligned to the clock: an hour-long one makes a test that
				// crosses into the next unlikely
				"latchkey.auth.refusal-window=1h", "latchkey.auth.max-request-bytes=4096" })
class HardeningIntegrationTests extends TenantIntegrationTests {

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClientThatKeepsSendingBadTokensIsSlowedDownWith429() {
		String attacker = "203.0.113.7";
		for (int i = 0; i < 3; i++) {
			assertThat(me("lkp_guess" + i, attacker).status()).isEqualTo(401);
		}

		ApiResponse limited = me("lkp_guess4", attacker);
		ApiResponse someoneElse = me("lkp_guess5", "198.51.100.20");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.problemType()).isEqualTo("too-many-requests");
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 3600);
		assertThat(someoneElse.status()).isEqualTo(401);
	}

	@Test
	void aValidTokenIsServedFromAnAddressThatIsSendingBadTokens() {
		String nat = "203.0.113.9";
		for (int i = 0; i < 30; i++) {
			me("lkp_broken-client" + i, nat);
		}

		ApiResponse api = me(this.tenant.adminToken(), nat);
		ApiResponse forward = this.api
			.send(this.api.raw("/auth/verify?organisation=" + this.tenant.organisation().name())
				.header("X-Forwarded-For", nat)
				.header("Authorization", "Bearer " + this.tenant.adminToken())
				.GET());
		ApiResponse stillBad = me("lkp_broken-client-again", nat);

		assertThat(api.status()).isEqualTo(200);
		assertThat(forward.status()).isEqualTo(200);
		assertThat(stillBad.status()).isEqualTo(429);
	}

	@Test
	void refusalCountsGoToTheSharedTableWithoutBeingCountedTwice() {
		String client = "203.0.113.11";
		me("lkp_first", client);
		me("lkp_second", client);

		this.rateLimits.synchronise();
		this.rateLimits.synchronise();

		assertThat(this.jdbc
			.sql("select sum(hits) from rate_limit_counts where limit_name = 'token-refusals' and client_key = :client")
			.param("client", client)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(me("lkp_third", client).status()).isEqualTo(401);
		assertThat(me("lkp_fourth", client).status()).isEqualTo(429);
	}

	@Test
	void forwardAuthCountsRefusalsToo() {
		String attacker = "203.0.113.8";
		String path = "/auth/verify?organisation=" + this.tenant.organisation().name();
		for (int i = 0; i < 3; i++) {
			this.api.send(this.api.raw(path).header("X-Forwarded-For", attacker).header("token", "x" + i).GET());
		}

		ApiResponse limited = this.api
			.send(this.api.raw(path).header("X-Forwarded-For", attacker).header("token", "y").GET());

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotNull();
	}

	@Test
	void aTokenRevokingItselfWithBadTokensCountsTowardTheLimit() {
		String attacker = "203.0.113.10";
		for (int i = 0; i < 3; i++) {
			assertThat(selfRevoke("lkp_guess" + i, attacker).status()).isEqualTo(200);
		}

		ApiResponse limited = selfRevoke("lkp_guess4", attacker);

		assertThat(limited.status()).isEqualTo(429);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/me", "/auth/verify?organisation=ORG", "/oauth2/introspect", "/oauth2/revoke",
			"/login", "/admin/api-tokens", "/actuator/health", "/v3/api-docs" })
	void twoCredentialsAreRefusedWith400OnEveryPath(String path) {
		String resolved = path.replace("ORG", this.tenant.organisation().name());
		String valid = this.tenant.adminToken();

		ApiResponse twoAuthorizations = this.api.send(this.api.raw(resolved)
			.header("Authorization", "Bearer " + valid)
			.header("Authorization", "Bearer lkp_bad")
			.GET());
		ApiResponse authorizationAndToken = this.api
			.send(this.api.raw(resolved).header("Authorization", "Bearer " + valid).header("token", "lkp_bad").GET());
		ApiResponse badFirst = this.api
			.send(this.api.raw(resolved).header("token", "lkp_bad").header("Authorization", "Bearer " + valid).GET());
		ApiResponse twoTokens = this.api
			.send(this.api.raw(resolved).header("token", valid).header("token", valid).GET());

		assertThat(List.of(twoAuthorizations, authorizationAndToken, badFirst, twoTokens)).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.problemType()).isEqualTo("invalid-token-request");
		});
	}

	@Test
	void theClientAddressComesFromATrustedProxysForwardedFor() {
		ApiResponse created = this.api.send(this.api.raw("/api/v1/tokens")
			.header("Authorization", "Bearer " + this.tenant.adminToken())
			.header("X-Forwarded-For", "192.0.2.44")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"name\":\"via-proxy\"}")));

		ApiResponse trail = this.api.get("/api/v1/audit-events?type=TOKEN_CREATED", this.tenant.adminToken());

		assertThat(created.status()).isEqualTo(201);
		assertThat(trail.json().get("items").get(0).get("clientIp").asString()).isEqualTo("192.0.2.44");
	}

	@Test
	void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
		String huge = "{\"name\":\"" + "x".repeat(5000) + "\"}";

		ApiResponse response = this.api.post("/api/v1/tokens", this.tenant.adminToken(), huge);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.problemType()).isEqualTo("request-too-large");
	}

	/*
	 * The lean path (LeanPathFilter) answers forward auth and introspection ahead of the
	 * guards above; what they refuse, it must not take.
	 */

	@Test
	void introspectionWithTwoCredentialsIsRefusedWith400() {
		String[] client = registerClient();

		ApiResponse basicAndToken = introspect(
				this.api.raw("/oauth2/introspect").header("Authorization", basic(client)).header("token", "lkp_bad"),
				"token=" + this.tenant.adminToken());
		ApiResponse twoBasics = introspect(this.api.raw("/oauth2/introspect")
			.header("Authorization", basic(client))
			.header("Authorization", basic(client)), "token=" + this.tenant.adminToken());

		assertThat(List.of(basicAndToken, twoBasics)).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.problemType()).isEqualTo("invalid-token-request");
			assertThat(answer.body()).doesNotContain("active");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "access_token", "token" })
	void aTokenInForwardAuthsQueryStringIsRefusedAndNeverVerified(String parameter) {
		String path = "/auth/verify?organisation=" + this.tenant.organisation().name() + "&" + parameter + "="
				+ this.tenant.adminToken();

		ApiResponse alone = this.api.get(path, null);
		ApiResponse besideAHeader = this.api.get(path, this.tenant.adminToken());

		assertThat(List.of(alone, besideAHeader)).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.problemType()).isEqualTo("invalid-token-request");
			assertThat(answer.header("X-Latchkey-User")).isNull();
		});
	}

	@Test
	void aTokenInIntrospectionsQueryStringIsRefused() {
		String[] client = registerClient();

		ApiResponse answer = introspect(this.api.raw("/oauth2/introspect?token=" + this.tenant.adminToken())
			.header("Authorization", basic(client)), "token=" + this.tenant.adminToken());

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.problemType()).isEqualTo("invalid-token-request");
	}

	@Test
	void anIntrospectionBodyOverTheLimitIsRefusedAndOneWithoutALengthIsStillAnswered() {
		String[] client = registerClient();
		String padded = "token=" + this.tenant.adminToken() + "&padding=" + "x".repeat(5000);
		String small = "token=" + this.tenant.adminToken();

		ApiResponse declared = introspect(this.api.raw("/oauth2/introspect").header("Authorization", basic(client)),
				padded);
		ApiResponse chunked = this.api.send(this.api.raw("/oauth2/introspect")
			.header("Authorization", basic(client))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8)))));

		assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
		assertThat(declared.problemType()).isEqualTo("request-too-large");
		assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
		assertThat(chunked.json().get("active").asBoolean()).isTrue();
	}

	@Test
	void aFormBodyWithoutALengthOverTheFormLimitIsRefusedWith413NotA500() {
		String[] client = registerClient();
		// over server.tomcat.max-http-form-post-size (64KB), which bounds what the
		// container
		// reads of a form sent without a length
		String huge = "token=" + this.tenant.adminToken() + "&padding=" + "x".repeat(100_000);

		ApiResponse chunked = this.api.send(this.api.raw("/oauth2/introspect")
			.header("Authorization", basic(client))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));

		assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
		assertThat(chunked.problemType()).isEqualTo("request-too-large");
		assertThat(chunked.body()).doesNotContain(this.tenant.adminToken()).doesNotContain("active");
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		List<ApiResponse> answers = List.of(this.api.get("/api/v1/me", this.tenant.adminToken()),
				this.api.get("/api/v1/me", null), this.api.get("/api/v1/me", "lkp_bad"),
				this.api.get("/api/v1/tokens/" + java.util.UUID.randomUUID(), this.tenant.adminToken()),
				this.api.get("/api/v1/me?access_token=x", null), this.api.get("/actuator/health", null),
				this.api.get("/no/such/page", null), this.api
					.get("/auth/verify?organisation=" + this.tenant.organisation().name(), this.tenant.adminToken()));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
			assertThat(answer.header("X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
			assertThat(answer.header("Cache-Control")).as(answer.toString()).contains("no-store");
			assertThat(answer.header("Content-Security-Policy")).as(answer.toString())
				.contains("frame-ancestors 'none'");
			assertThat(answer.header("Referrer-Policy")).as(answer.toString()).isEqualTo("no-referrer");
		});
	}

	/** A registered client: its id and secret. */
	private String[] registerClient() {
		ApiResponse registered = this.api.post("/api/v1/clients", this.tenant.adminToken(), "{\"name\":\"orders\"}");
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		return new String[] { registered.text("clientId"), registered.text("clientSecret") };
	}

	private static String basic(String[] client) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((client[0] + ":" + client[1]).getBytes(StandardCharsets.UTF_8));
	}

	private ApiResponse introspect(HttpRequest.Builder request, String form) {
		return this.api.send(request.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form)));
	}

	private ApiResponse selfRevoke(String token, String clientAddress) {
		return this.api.send(this.api.raw("/oauth2/revoke")
			.header("Authorization", "Bearer " + token)
			.header("X-Forwarded-For", clientAddress)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("token=" + token)));
	}

	private ApiResponse me(String token, String clientAddress) {
		return this.api.send(this.api.raw("/api/v1/me")
			.header("Authorization", "Bearer " + token)
			.header("X-Forwarded-For", clientAddress)
			.GET());
	}

}
