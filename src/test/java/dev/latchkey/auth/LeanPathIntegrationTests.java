package dev.latchkey.auth;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.TenantIntegrationTests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forward auth and introspection skip the metrics observation, the public security chain
 * and the dispatcher (LeanPathFilter). Whatever those did for these paths must still
 * happen: the same response headers, the same firewall, the same answers to shapes the
 * endpoints do not take, and metrics that name the endpoint, count each request once and
 * carry the same tags as every other request's. What the guards ahead of the chain refuse
 * on these paths is in HardeningIntegrationTests.
 */
class LeanPathIntegrationTests extends TenantIntegrationTests {

	@Autowired
	MeterRegistry meters;

	@Test
	void anAdmittedRequestCarriesThePublicChainsSecurityHeadersAndNoCookie() {
		ApiResponse admitted = this.api.get(verifyPath(), this.tenant.adminToken());
		ApiResponse refused = this.api.get(verifyPath(), "lkp_unknown");

		assertThat(admitted.status()).isEqualTo(200);
		assertThat(refused.status()).isEqualTo(401);
		for (ApiResponse response : List.of(admitted, refused)) {
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
			assertThat(response.header("Set-Cookie")).isNull();
		}
	}

	@Test
	void aRequestTheFirewallRejectsIsRejectedAsBeforeAndNeverVerified() {
		ApiResponse semicolon = this.api.get(
				"/auth/verify;jsessionid=abc?organisation=" + this.tenant.organisation().name(),
				this.tenant.adminToken());
		ApiResponse encodedDot = this.api.get("/auth/verify/%2e%2e/x?organisation=" + this.tenant.organisation().name(),
				this.tenant.adminToken());

		assertThat(semicolon.status()).isEqualTo(400);
		assertThat(encodedDot.status()).isEqualTo(400);
		assertThat(semicolon.header("X-Latchkey-User")).isNull();
		assertThat(encodedDot.header("X-Latchkey-User")).isNull();
	}

	@Test
	void shapesTheEndpointsDoNotTakeGetTheDispatchersAnswers() {
		ApiResponse get = this.api.get("/oauth2/introspect", null);
		ApiResponse json = this.api.send(this.api.raw("/oauth2/introspect")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"token\":\"" + this.tenant.adminToken() + "\"}")));

		assertThat(get.status()).isEqualTo(405);
		assertThat(json.status()).isEqualTo(415);
		assertThat(json.body()).doesNotContain(this.tenant.adminToken());
	}

	@Test
	void metricsNameForwardAuthByItsPath() {
		this.api.get(verifyPath(), this.tenant.adminToken());
		this.api.get(verifyPath(), "lkp_unknown");

		Timer admitted = timer("/auth/verify", "200");
		Timer refused = timer("/auth/verify", "401");
		assertThat(admitted).isNotNull();
		assertThat(refused).isNotNull();
		assertThat(admitted.count()).isPositive();
		assertThat(refused.count()).isPositive();
	}

	@Test
	void eachRequestIsTimedOnceWithTheTagsEveryOtherRequestGets() {
		this.api.get("/api/v1/me", this.tenant.adminToken());
		Timer me = timer("/api/v1/me", "200");
		long before = admittedCount();

		this.api.get(verifyPath(), this.tenant.adminToken());

		assertThat(admittedCount()).isEqualTo(before + 1);
		Timer admitted = timer("/auth/verify", "200");
		assertThat(me).isNotNull();
		assertThat(admitted).isNotNull();
		assertThat(keys(admitted)).isEqualTo(keys(me));
		assertThat(admitted.getId().getTag("outcome")).isEqualTo("SUCCESS");
		assertThat(admitted.getId().getTag("exception")).isEqualTo("none");
		assertThat(admitted.getId().getTag("method")).isEqualTo("GET");
	}

	private long admittedCount() {
		Timer admitted = timer("/auth/verify", "200");
		return (admitted != null) ? admitted.count() : 0;
	}

	private @Nullable Timer timer(String uri, String status) {
		return this.meters.find("http.server.requests").tag("uri", uri).tag("status", status).timer();
	}

	private static List<String> keys(Timer timer) {
		return timer.getId().getTags().stream().map(Tag::getKey).sorted().toList();
	}

	private String verifyPath() {
		return "/auth/verify?organisation=" + this.tenant.organisation().name();
	}

}
