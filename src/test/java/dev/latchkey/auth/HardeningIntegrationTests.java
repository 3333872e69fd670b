package dev.latchkey.auth;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits and headers that hold under attack: refused tokens are rate-limited per client
 * address, the address comes from {@code X-Forwarded-For} only through a trusted proxy,
 * bodies are bounded, and every answer carries the security headers. Here the loopback
 * address is a trusted proxy, so each test can play a client of its own.
 */
@TestPropertySource(properties = { "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
		"latchkey.auth.refusals-per-window=3", "latchkey.auth.max-request-bytes=4096" })
class HardeningIntegrationTests extends TenantIntegrationTests {

	@Test
	void aClientThatKeepsSendingBadTokensIsSlowedDownWith429() {
		String attacker = "203.0.113.7";
		for (int i = 0; i < 3; i++) {
			assertThat(me("lkp_guess" + i, attacker).status()).isEqualTo(401);
		}

		ApiResponse limited = me("lkp_guess4", attacker);
		ApiResponse evenValid = me(this.tenant.adminToken(), attacker);
		ApiResponse someoneElse = me(this.tenant.adminToken(), "198.51.100.20");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.problemType()).isEqualTo("too-many-requests");
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
		assertThat(evenValid.status()).isEqualTo(429);
		assertThat(someoneElse.status()).isEqualTo(200);
	}

	@Test
	void forwardAuthCountsRefusalsToo() {
		String attacker = "203.0.113.8";
		for (int i = 0; i < 3; i++) {
			this.api
				.send(this.api.raw("/auth/verify").header("X-Forwarded-For", attacker).header("token", "x" + i).GET());
		}

		ApiResponse limited = this.api
			.send(this.api.raw("/auth/verify").header("X-Forwarded-For", attacker).header("token", "y").GET());

		assertThat(limited.status()).isEqualTo(429);
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

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		List<ApiResponse> answers = List.of(this.api.get("/api/v1/me", this.tenant.adminToken()),
				this.api.get("/api/v1/me", null), this.api.get("/api/v1/me", "lkp_bad"),
				this.api.get("/api/v1/tokens/" + java.util.UUID.randomUUID(), this.tenant.adminToken()),
				this.api.get("/api/v1/me?access_token=x", null), this.api.get("/actuator/health", null),
				this.api.get("/no/such/page", null), this.api.get("/auth/verify", this.tenant.adminToken()));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
			assertThat(answer.header("X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
			assertThat(answer.header("Cache-Control")).as(answer.toString()).contains("no-store");
			assertThat(answer.header("Content-Security-Policy")).as(answer.toString())
				.contains("frame-ancestors 'none'");
			assertThat(answer.header("Referrer-Policy")).as(answer.toString()).isEqualTo("no-referrer");
		});
	}

	private ApiResponse me(String token, String clientAddress) {
		return this.api.send(this.api.raw("/api/v1/me")
			.header("Authorization", "Bearer " + token)
			.header("X-Forwarded-For", clientAddress)
			.GET());
	}

}
