package dev.latchkey.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.ConsoleClient;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console behind a load balancer without sticky sessions (SPEC §7): this test's
 * application (A) and a second one (B) on the same database, on H2 (one file, shared
 * within the JVM) and on PostgreSQL. A session started on one instance is known on the
 * other, signing out on one ends it on both, and failed sign-ins count once whichever
 * instance they reach.
 */
@IntegrationTest
@TestPropertySource(properties = { "latchkey.console.login-throttle.first-delay=1m",
		"latchkey.console.login-throttle.max-delay=5m" })
class ConsoleMultiInstanceIntegrationTests {

	private static final List<String> SHARED_SETTINGS = List.of("spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "spring.flyway.schemas", "spring.flyway.default-schema",
			"latchkey.console.login-throttle.first-delay", "latchkey.console.login-throttle.max-delay");

	private static ConfigurableApplicationContext second;

	@LocalServerPort
	int portA;

	int portB;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Environment environment;

	String admin;

	@BeforeEach
	void setUp() {
		if (second == null) {
			second = startSecondInstance();
		}
		this.portB = ((WebServerApplicationContext) second).getWebServer().getPort();
		this.admin = this.fixtures.tenant().admin().username();
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void aSessionStartedOnOneInstanceIsKnownOnTheOther() {
		ConsoleClient onA = new ConsoleClient(this.portA);
		assertThat(onA.signIn(this.admin, Fixtures.PASSWORD).header("Location")).endsWith("/");

		ApiResponse onB = onA.onInstance(this.portB).get("/admin/api-tokens");

		assertThat(onB.status()).isEqualTo(200);
		assertThat(onB.body()).contains(this.admin);
	}

	@Test
	void signingOutOnOneInstanceEndsTheSessionOnTheOther() {
		ConsoleClient onA = new ConsoleClient(this.portA);
		onA.signIn(this.admin, Fixtures.PASSWORD);
		String session = onA.sessionId();
		ConsoleClient onB = onA.onInstance(this.portB);
		assertThat(onB.get("/admin/api-tokens").status()).isEqualTo(200);

		ApiResponse signedOut = onB.post("/logout", Map.of());
		ApiResponse replayedOnA = ConsoleClient.presenting(this.portA, session).get("/admin/api-tokens");

		assertThat(session).isNotNull();
		assertThat(signedOut.header("Location")).endsWith("/login?logout");
		assertThat(replayedOnA.status()).isEqualTo(302);
		assertThat(replayedOnA.header("Location")).endsWith("/login");
	}

	@Test
	void failedSignInsCountOnceAcrossInstances() {
		ConsoleClient onA = new ConsoleClient(this.portA, "127.0.0.51");
		ConsoleClient onB = onA.onInstance(this.portB);
		for (int i = 0; i < 3; i++) {
			assertThat(onA.signIn(this.admin, "wrong on A " + i).header("Location")).endsWith("/login?error");
			assertThat(onB.signIn(this.admin, "wrong on B " + i).header("Location")).endsWith("/login?error");
		}

		String rightOnA = onA.signIn(this.admin, Fixtures.PASSWORD).header("Location");
		String rightOnB = onB.signIn(this.admin, Fixtures.PASSWORD).header("Location");

		assertThat(rightOnA).endsWith("/login?throttled");
		assertThat(rightOnB).endsWith("/login?throttled");
	}

	/** B: the same application on the same database, on a port of its own. */
	private ConfigurableApplicationContext startSecondInstance() {
		List<String> args = new ArrayList<>();
		for (String name : SHARED_SETTINGS) {
			if (this.environment.containsProperty(name)) {
				args.add("--" + name + "=" + this.environment.getProperty(name));
			}
		}
		args.addAll(List.of("--server.port=0", "--management.server.port=0", "--latchkey.scheduling.enabled=false",
				"--latchkey.admin.password=first-start-password", "--spring.main.banner-mode=off"));
		return new SpringApplicationBuilder(LatchkeyApplication.class).run(args.toArray(String[]::new));
	}

}
