package dev.latchkey.reliability;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Reliability;
import dev.latchkey.testing.SecretCanary;
import dev.latchkey.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Crash consistency: the packaged server runs as its own process under a burst of
 * creates, revokes and deletes, is killed with SIGKILL in the middle, and restarted on
 * the same database. Every acknowledged create must still be there (unless its delete was
 * acknowledged), every acknowledged revocation must still hold, and no user may hold more
 * tokens than the limit.
 */
@ExtendWith(TestDatabase.class)
class CrashConsistencyIntegrationTests {

	private static final Path JAR = Path.of("target", "latchkey.jar");

	@Test
	void acknowledgedWritesSurviveASigkill() throws Exception {
		assumeTrue(Files.exists(JAR), "target/latchkey.jar is built by 'mvn package' before the integration tests");
		Database database = Database.fresh();
		int port = freePort();
		Process server = start(database, port);
		Api api = new Api(port);
		String admin = issueAdminToken(database);
		Map<String, String> created = new ConcurrentHashMap<>();
		Set<String> revoked = ConcurrentHashMap.newKeySet();
		Set<String> deleted = ConcurrentHashMap.newKeySet();
		// A delete in flight when the process dies may have committed without being
		// acknowledged.
		Set<String> deleteSent = ConcurrentHashMap.newKeySet();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger sequence = new AtomicInteger();
		List<Thread> burst = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			burst.add(Thread.ofVirtual().start(() -> {
				while (running.get()) {
					try {
						ApiResponse response = api.post("/api/v1/tokens", admin,
								"{\"name\":\"crash-" + sequence.incrementAndGet() + "\"}");
						if (response.status() != 201) {
							continue;
						}
						String id = response.text("id");
						created.put(id, response.text("token"));
						if (api.post("/api/v1/tokens/" + id + "/revoke", admin, null).status() == 200) {
							revoked.add(id);
						}
						deleteSent.add(id);
						if (api.delete("/api/v1/tokens/" + id, admin).status() == 204) {
							deleted.add(id);
						}
					}
					catch (RuntimeException ex) {
						return;
					}
				}
			}));
		}
		// Killed in the middle of the burst, once it has acknowledged enough to check.
		await().atMost(Duration.ofSeconds(60)).until(() -> created.size() >= 20 && deleted.size() >= 5);
		server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		running.set(false);
		for (Thread thread : burst) {
			thread.join(Duration.ofSeconds(30));
		}

		Process restarted = start(database, port);
		try {
			int missing = 0;
			int lostRevocations = 0;
			for (String id : created.keySet()) {
				ApiResponse token = api.get("/api/v1/tokens/" + id, admin);
				if (deleted.contains(id) || (deleteSent.contains(id) && token.status() == 404)) {
					continue;
				}
				if (token.status() != 200) {
					missing++;
				}
				else if (revoked.contains(id) && !"REVOKED".equals(token.text("status"))) {
					lostRevocations++;
				}
			}
			int held = api.get("/api/v1/tokens", admin).json().size();
			int overLimit = Math.max(0, held - 10);
			Reliability.report("crash-consistency",
					Map.of("acknowledgedCreates", created.size(), "acknowledgedRevocations", revoked.size(),
							"acknowledgedDeletes", deleted.size(), "acknowledgedTokensMissing", missing,
							"acknowledgedRevocationsLost", lostRevocations, "usersOverLimit", overLimit));
			assertThat(created).as("the burst made progress before the kill").isNotEmpty();
			assertThat(missing).isZero();
			assertThat(lostRevocations).isZero();
			assertThat(held).isLessThanOrEqualTo(10);
			assertThat(api.get("/api/v1/me", admin).status()).isEqualTo(200);
		}
		finally {
			restarted.destroy();
			restarted.waitFor(30, TimeUnit.SECONDS);
			database.drop();
		}
	}

	private static Process start(Database database, int port) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "--server.port=" + port,
				"--management.server.port=0", "--latchkey.admin.password=crash-password",
				"--latchkey.auth.refusals-per-window=1000000");
		builder.environment().putAll(database.environment());
		Path log = Files.createTempFile("latchkey-crash", ".log");
		Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Api api = new Api(port);
		await("the server on port " + port + " ready; see " + log).atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.failFast("the server process exited; see " + log, () -> !process.isAlive())
			.until(() -> api.get("/actuator/health/readiness", null).status() == 200);
		return process;
	}

	private static String issueAdminToken(Database database) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "operator", "issue-token", "--user",
				"admin", "--name", "crash-admin", "--expires-in-days", "30");
		builder.environment().putAll(database.environment());
		Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String secret = new String(process.getInputStream().readAllBytes()).strip();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(secret).startsWith("lkp_");
		SecretCanary.issued(secret);
		return secret;
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A fresh H2 file or PostgreSQL schema for the server process, by environment
	 * variables.
	 */
	record Database(Map<String, String> environment, String schema) {

		static Database fresh() throws Exception {
			if (!TestDatabase.isPostgres()) {
				Path directory = Files.createTempDirectory("latchkey-crash-");
				return new Database(
						Map.of("SPRING_DATASOURCE_URL",
								"jdbc:h2:file:" + directory.resolve("latchkey") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0"),
						null);
			}
			String schema = "latchkey_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			execute("create schema " + schema);
			return new Database(Map.of("SPRING_DATASOURCE_URL", TestDatabase.postgresUrl("currentSchema=" + schema),
					"SPRING_DATASOURCE_USERNAME", TestDatabase.postgresUser(), "SPRING_DATASOURCE_PASSWORD", "",
					"SPRING_FLYWAY_SCHEMAS", schema, "SPRING_FLYWAY_DEFAULT_SCHEMA", schema), schema);
		}

		void drop() throws Exception {
			if (this.schema != null) {
				execute("drop schema " + this.schema + " cascade");
			}
		}

		private static void execute(String sql) throws Exception {
			try (Connection connection = DriverManager.getConnection(TestDatabase.postgresUrl(),
					TestDatabase.postgresUser(), "")) {
				connection.createStatement().execute(sql);
			}
		}

	}

}
