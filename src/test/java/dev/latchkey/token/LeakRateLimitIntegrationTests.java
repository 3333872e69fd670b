package dev.latchkey.token;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak endpoint is unauthenticated, so it is bounded and rate-limited per client IP
 * (in a context of its own, so that no other test spends the window).
 */
@TestPropertySource(properties = { "latchkey.leaks.reports-per-window=3", "latchkey.leaks.max-tokens-per-report=5" })
class LeakRateLimitIntegrationTests extends TenantIntegrationTests {

	@Test
	void reportsAreBoundedAndRateLimitedPerClient() {
		String six = "[" + "{\"token\":\"x\"},".repeat(5) + "{\"token\":\"y\"}]";

		ApiResponse tooMany = this.api.post("/api/v1/leaks", null, six);
		this.api.post("/api/v1/leaks", null, "[]");
		this.api.post("/api/v1/leaks", null, "[]");
		ApiResponse limited = this.api.post("/api/v1/leaks", null, "[]");

		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.text("detail")).contains("at most 5");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.problemType()).isEqualTo("too-many-requests");
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
	}

}
