package dev.latchkey.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.latchkey.testing.Api;
import dev.latchkey.testing.SecretCanary;
import dev.latchkey.testing.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SPEC §7 "private by default": the embedded database's directory and files are the
 * server's OS user's alone whatever the umask, and knowing its lock file (the TCP address
 * and key of H2's AUTO_SERVER) is not enough to connect. The packaged server runs as its
 * own process on a directory laid out as an older version or a permissive umask would
 * have left it; this test plays the other local user.
 */
@ExtendWith(TestDatabase.class)
class EmbeddedDatabasePrivacyIntegrationTests {

	private static final Path JAR = Path.of("target", "latchkey.jar");

	private static final String ADMIN_PASSWORD = "privacy-admin-password";

	@TempDir
	Path parent;

	Path data;

	@BeforeEach
	void setUp() throws IOException {
		assumeTrue(Files.exists(JAR), "target/latchkey.jar is built by 'mvn package' before the integration tests");
		assumeFalse(TestDatabase.isPostgres(), "the embedded database is H2; PostgreSQL's access is its own");
		// Other users may walk to the data directory, as they may to /srv or a home
		// directory; what stops them must be the data directory itself.
		Files.setPosixFilePermissions(this.parent, PosixFilePermissions.fromString("rwxr-xr-x"));
		this.data = this.parent.resolve("data");
	}

	@Test
	void anOldInstallIsMadePrivateAndGivenAPasswordAndKeepsItsData() throws Exception {
		String token;
		try (Server old = Server.start(this.data, Map.of("SPRING_DATASOURCE_PASSWORD", ""))) {
			token = operatorIssuesToken(Map.of("SPRING_DATASOURCE_PASSWORD", ""));
		}
		loosen(this.data);
		Files.deleteIfExists(passwordFile());

		try (Server upgraded = Server.start(this.data, Map.of())) {
			assertThat(permissions(this.data)).isEqualTo("rwx------");
			assertThat(files(this.data)).isNotEmpty()
				.allSatisfy((file) -> assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
			String password = Files.readString(passwordFile()).strip();
			SecretCanary.issued(password);
			assertThat(password).matches("[A-Za-z0-9_-]{43}");
			assertThat(upgraded.api().get("/api/v1/me", token).status()).as("the old data is still there")
				.isEqualTo(200);
			assertThat(refusal(() -> DriverManager.getConnection(url(this.data), "sa", "")).getSQLState())
				.isEqualTo("28000");
			assertThat(Files.readString(upgraded.log())).doesNotContain(password);
		}
	}

	@Test
	void knowingTheLockFileIsNotEnoughToConnectWhileTheOperatorCommandStillWorks() throws Exception {
		try (Server server = Server.start(this.data, Map.of())) {
			Properties lock = new Properties();
			try (InputStream in = Files.newInputStream(this.data.resolve("latchkey.lock.db"))) {
				lock.load(in);
			}
			String port = lock.getProperty("server").substring(lock.getProperty("server").lastIndexOf(':') + 1);
			String tcp = "jdbc:h2:tcp://127.0.0.1:" + port + "/" + lock.getProperty("id");

			SQLException empty = refusal(() -> DriverManager.getConnection(tcp, "sa", ""));
			SQLException wrong = refusal(() -> DriverManager.getConnection(tcp, "sa", "not-the-password"));
			SQLException autoServer = refusal(() -> DriverManager.getConnection(url(this.data), "sa", ""));
			String token = operatorIssuesToken(Map.of());

			System.out.println("Connecting with the lock file's address and key, empty password: "
					+ empty.getClass().getSimpleName() + ": " + empty.getMessage());
			assertThat(empty.getSQLState()).isEqualTo("28000");
			assertThat(wrong.getSQLState()).isEqualTo("28000");
			assertThat(autoServer.getSQLState()).isEqualTo("28000");
			assertThat(server.api().get("/api/v1/me", token).status()).isEqualTo(200);
		}
	}

	@Test
	void anotherOsUserCannotReadTheDatabaseOrItsPassword() throws Exception {
		assumeRoot();
		Files.createDirectory(this.data,
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Files.setPosixFilePermissions(this.data, PosixFilePermissions.fromString("rwxr-xr-x"));
		try (Server server = Server.start(this.data, Map.of())) {
			for (String name : List.of("latchkey.mv.db", "latchkey.lock.db", "latchkey.db-password")) {
				Path file = this.data.resolve(name);
				assertThat(file).exists();

				Result read = run(List.of("runuser", "-u", "nobody", "--", "cat", file.toString()));

				System.out.println("nobody reading " + file + ": exit " + read.exitCode() + ", " + read.err().strip());
				assertThat(read.exitCode()).as(name).isNotZero();
				assertThat(read.err()).as(name).contains("Permission denied");
			}
		}
	}

	private static void assumeRoot() throws Exception {
		Result id = run(List.of("id", "-u"));
		if (!"0".equals(id.out().strip())) {
			String message = "not running as root, so no other OS user can be played (CI runs as root)";
			System.err.println();
			System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
			System.err.println("!!! SKIPPING anotherOsUserCannotReadTheDatabaseOrItsPassword: " + message);
			System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
			Assumptions.abort("SKIPPED LOUDLY: " + message);
		}
	}

	private Path passwordFile() {
		return this.data.resolve("latchkey.db-password");
	}

	/** What a umask of 022 left behind before the server tightened anything. */
	private static void loosen(Path directory) throws IOException {
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		for (Path file : files(directory)) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		}
	}

	private static List<Path> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.toList();
		}
	}

	private static String permissions(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SQLException refusal(ConnectionAttempt attempt) {
		SQLException refused = catchThrowableOfType(SQLException.class, () -> attempt.connect().close());
		assertThat((Object) refused).as("the connection was refused").isNotNull();
		return refused;
	}

	private static String url(Path data) {
		return "jdbc:h2:file:" + data.resolve("latchkey") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
	}

	private String operatorIssuesToken(Map<String, String> environment) throws Exception {
		List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "operator", "issue-token",
				"--user", "admin", "--name", "privacy-" + System.nanoTime(), "--expires-in-days", "30"));
		Map<String, String> env = new HashMap<>(environment);
		env.put("SPRING_DATASOURCE_URL", url(this.data));
		Result issued = run(command, env);
		assertThat(issued.exitCode()).as(issued.err()).isZero();
		String secret = issued.out().strip();
		SecretCanary.issued(secret);
		assertThat(secret).as("standard output carries the token alone").matches("lkp_[0-9A-Za-z]{36}");
		return secret;
	}

	private static Result run(List<String> command) throws Exception {
		return run(command, Map.of());
	}

	private static Result run(List<String> command, Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		Path out = Files.createTempFile("privacy-out", ".txt");
		Path err = Files.createTempFile("privacy-err", ".txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		process.getOutputStream().close();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
		// What a command prints may be binary (the database file itself).
		return new Result(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
				new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	@FunctionalInterface
	private interface ConnectionAttempt {

		Connection connect() throws SQLException;

	}

	private record Result(int exitCode, String out, String err) {

	}

	/**
	 * The packaged server as its own process on a data directory; stopped with SIGTERM.
	 */
	private record Server(Process process, int port, Path log) implements AutoCloseable {

		static Server start(Path data, Map<String, String> environment) throws Exception {
			int port = freePort();
			ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "--server.port=" + port,
					"--management.server.port=0", "--latchkey.admin.password=" + ADMIN_PASSWORD);
			builder.environment().putAll(environment);
			builder.environment().put("SPRING_DATASOURCE_URL", url(data));
			Path log = Files.createTempFile("latchkey-privacy", ".log");
			Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
			Server server = new Server(process, port, log);
			server.awaitReady();
			return server;
		}

		Api api() {
			return new Api(this.port);
		}

		private void awaitReady() throws Exception {
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (System.nanoTime() < deadline) {
				try {
					if (api().get("/actuator/health/readiness", null).status() == 200) {
						return;
					}
				}
				catch (RuntimeException ex) {
					// not listening yet
				}
				assertThat(this.process.isAlive()).as("server process started; see " + this.log).isTrue();
				Thread.sleep(250);
			}
			close();
			throw new IllegalStateException("The server did not become ready; see " + this.log);
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

	}

}
