package dev.latchkey.reliability;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Role;
import dev.latchkey.testing.Api;
import dev.latchkey.testing.Reliability;
import dev.latchkey.testing.SecretCanary;
import dev.latchkey.testing.TcpProxy;
import dev.latchkey.testing.TestDatabase;
import dev.latchkey.token.NewToken;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Database outage under load: the server reaches PostgreSQL through a TCP proxy that the
 * test cuts for longer than the cache's staleness bound, then restores. During the outage
 * a token revoked before it is never accepted, an uncached token is answered 503 (never
 * 200, never 401), a cached token is served at most for the staleness bound; afterwards
 * the service recovers by itself.
 */
@ExtendWith(TestDatabase.class)
class DatabaseOutageIntegrationTests {

	private static final Duration STALENESS = Duration.ofSeconds(3);

	@Test
	void theServiceFailsClosedDuringAnOutageAndRecoversAfterIt() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "an outage is staged between the server and PostgreSQL");
		String schema = "latchkey_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		execute("create schema " + schema);
		InetSocketAddress postgres = TestDatabase.postgresServer();
		try (TcpProxy proxy = new TcpProxy(postgres.getHostString(), postgres.getPort());
				ConfigurableApplicationContext server = start(proxy.port(), schema)) {
			Api api = new Api(((WebServerApplicationContext) server).getWebServer().getPort());
			Tokens tokens = new Tokens(server);
			assertThat(api.get("/api/v1/me", tokens.cached).status()).isEqualTo(200);
			assertThat(api.get("/api/v1/me", tokens.revoked).status()).isEqualTo(200);
			String revokedId = api.get("/api/v1/me", tokens.revoked).json().get("token").get("id").asString();
			assertThat(api.post("/api/v1/tokens/" + revokedId + "/revoke", tokens.cached, null).status())
				.isEqualTo(200);

			Map<String, Map<Integer, Integer>> seen = new ConcurrentHashMap<>();
			AtomicInteger cachedBeyondBound = new AtomicInteger();
			AtomicBoolean outage = new AtomicBoolean(true);
			long cutAt = System.nanoTime();
			proxy.cut();
			List<Thread> load = new ArrayList<>();
			for (String kind : List.of("cached", "uncached", "revoked")) {
				String token = tokens.byKind(kind);
				load.add(Thread.ofVirtual().start(() -> {
					while (outage.get()) {
						int status = api.get("/api/v1/me", token).status();
						seen.computeIfAbsent(kind, (k) -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
						Duration since = Duration.ofNanos(System.nanoTime() - cutAt);
						if (kind.equals("cached") && status == 200 && since.compareTo(STALENESS.plusSeconds(1)) > 0) {
							cachedBeyondBound.incrementAndGet();
						}
					}
				}));
			}
			// Not a wait for a condition: the outage must outlast the staleness bound.
			Thread.sleep(STALENESS.plusSeconds(4).toMillis());
			outage.set(false);
			for (Thread thread : load) {
				thread.join();
			}
			proxy.restore();
			long restoredAt = System.nanoTime();
			await("recovered by itself").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> api.get("/api/v1/me", tokens.uncached).status() == 200);
			double secondsToRecover = (System.nanoTime() - restoredAt) / 1e9;

			int revokedAccepted = seen.getOrDefault("revoked", Map.of()).getOrDefault(200, 0);
			int uncachedAccepted = seen.getOrDefault("uncached", Map.of()).getOrDefault(200, 0);
			int uncachedRefusedAs401 = seen.getOrDefault("uncached", Map.of()).getOrDefault(401, 0);
			Reliability.report("database-outage",
					Map.of("requests",
							seen.values().stream().flatMap((m) -> m.values().stream()).mapToInt(i -> i).sum(),
							"answers", seen, "revokedAccepted", revokedAccepted, "uncachedAcceptedDuringOutage",
							uncachedAccepted, "cachedServedBeyondStaleness", cachedBeyondBound.get(),
							"secondsToRecover", String.format("%.1f", secondsToRecover)));
			assertThat(revokedAccepted).isZero();
			assertThat(uncachedAccepted).isZero();
			assertThat(uncachedRefusedAs401).as("an unreachable database is not an invalid token").isZero();
			assertThat(seen.get("uncached")).containsKey(503);
			assertThat(cachedBeyondBound.get()).isZero();
		}
		finally {
			execute("drop schema " + schema + " cascade");
		}
	}

	private static ConfigurableApplicationContext start(int port, String schema) {
		return new SpringApplicationBuilder(LatchkeyApplication.class)
			// Command-line arguments: they take precedence over application.yml.
			.run("--server.port=0", "--management.server.port=0",
					"--spring.datasource.url=" + TestDatabase.postgresUrlThrough("127.0.0.1", port,
							"currentSchema=" + schema + "&connectTimeout=2&socketTimeout=5"),
					"--spring.datasource.username=" + TestDatabase.postgresUser(), "--spring.datasource.password=",
					"--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema,
					"--spring.datasource.hikari.connection-timeout=1500",
					"--spring.datasource.hikari.validation-timeout=1000", "--latchkey.scheduling.enabled=false",
					"--latchkey.admin.password=outage-password", "--latchkey.auth.refusals-per-window=1000000",
					"--latchkey.tokens.cache.max-staleness=" + STALENESS.toSeconds() + "s");
	}

	private static void execute(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(TestDatabase.postgresUrl(),
				TestDatabase.postgresUser(), "")) {
			connection.createStatement().execute(sql);
		}
	}

	/**
	 * An admin with three tokens: one that will be cached, one never used, one revoked.
	 */
	static final class Tokens {

		final String cached;

		final String uncached;

		final String revoked;

		Tokens(ConfigurableApplicationContext context) {
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			Organisation organisation = context.getBean(OrganisationManagement.class)
				.create(Actor.operator(), "outage-" + suffix, 2);
			User admin = context.getBean(UserManagement.class)
				.create(Actor.operator(), organisation.id(),
						new NewUser("outage-" + suffix, "outage password", Role.ORG_ADMIN, true, null, null));
			TokenManagement tokens = context.getBean(TokenManagement.class);
			this.cached = issue(tokens, admin, "cached");
			this.uncached = issue(tokens, admin, "uncached");
			this.revoked = issue(tokens, admin, "revoked");
		}

		private static String issue(TokenManagement tokens, User admin, String name) {
			String secret = tokens.issueFor(Actor.operator(), admin.id(), NewToken.named(name)).secret().reveal();
			SecretCanary.issued(secret);
			return secret;
		}

		String byKind(String kind) {
			return switch (kind) {
				case "cached" -> this.cached;
				case "uncached" -> this.uncached;
				default -> this.revoked;
			};
		}

	}

}
