package dev.latchkey.auth;

import java.util.ArrayList;
import java.util.List;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.system.RateLimits;
import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.IntegrationTest;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal limit is one limit across instances (SPEC §7): two instances on this test's
 * PostgreSQL schema, each allowing 6 refused tokens per address and minute, count an
 * address's refusals together once they have synchronised. The synchronisation is called
 * here rather than waited for.
 */
@IntegrationTest
class RefusalLimitAcrossInstancesIntegrationTests {

	private static final int LIMIT = 6;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Environment environment;

	Api a;

	Api b;

	Tenant tenant;

	@BeforeEach
	void startInstances() {
		Assumptions.assumeTrue(TestDatabase.isPostgres(),
				"Several instances share PostgreSQL only; the embedded H2 database serves one instance");
		if (first == null) {
			first = start();
			second = start();
		}
		this.a = new Api(port(first));
		this.b = new Api(port(second));
		this.tenant = this.fixtures.tenant();
	}

	@AfterAll
	static void stopInstances() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
		first = null;
		second = null;
	}

	@Test
	void refusalsOnTwoInstancesAreCountedOnce() {
		String client = "203.0.113.50";
		for (int i = 0; i < LIMIT / 2; i++) {
			assertThat(me(this.a, "lkp_bad-on-a" + i, client).status()).isEqualTo(401);
			assertThat(me(this.b, "lkp_bad-on-b" + i, client).status()).isEqualTo(401);
		}

		synchronise(first);
		synchronise(second);
		synchronise(first);

		assertThat(me(this.a, "lkp_one-more-on-a", client).status()).isEqualTo(429);
		assertThat(me(this.b, "lkp_one-more-on-b", client).status()).isEqualTo(429);
		assertThat(me(this.a, "lkp_someone-else", "198.51.100.50").status()).isEqualTo(401);
	}

	@Test
	void aLimitedAddressIsStillServedItsValidTokensOnEveryInstance() {
		String nat = "203.0.113.51";
		for (int i = 0; i < 2 * LIMIT; i++) {
			me(this.b, "lkp_retrying-an-expired-token", nat);
		}
		synchronise(second);
		synchronise(first);

		ApiResponse onA = me(this.a, this.tenant.adminToken(), nat);
		ApiResponse onB = me(this.b, this.tenant.adminToken(), nat);
		ApiResponse badOnA = me(this.a, "lkp_retrying-an-expired-token", nat);

		assertThat(onA.status()).isEqualTo(200);
		assertThat(onB.status()).isEqualTo(200);
		assertThat(badOnA.status()).isEqualTo(429);
	}

	private static ApiResponse me(Api api, String token, String clientAddress) {
		return api.send(api.raw("/api/v1/me")
			.header("Authorization", "Bearer " + token)
			.header("X-Forwarded-For", clientAddress)
			.GET());
	}

	private static void synchronise(ConfigurableApplicationContext instance) {
		instance.getBean(RateLimits.class).synchronise();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private ConfigurableApplicationContext start() {
		List<String> args = new ArrayList<>();
		for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
				"spring.flyway.schemas", "spring.flyway.default-schema")) {
			args.add("--" + name + "=" + this.environment.getProperty(name, ""));
		}
		args.addAll(List.of("--server.port=0", "--latchkey.scheduling.enabled=false",
				"--latchkey.admin.password=first-start-password", "--latchkey.auth.refusals-per-window=" + LIMIT,
				"--latchkey.auth.refusal-window=1h", "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
				"--management.server.port=0", "--spring.main.banner-mode=off"));
		return new SpringApplicationBuilder(LatchkeyApplication.class).run(args.toArray(String[]::new));
	}

}
