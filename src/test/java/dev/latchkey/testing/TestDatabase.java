package dev.latchkey.testing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database of an integration test run from the system property
 * {@code latchkey.it.database}: {@code h2} (a fresh file database, as the embedded
 * default) or {@code postgres} (a fresh schema in the local PostgreSQL, dropped when the
 * JVM exits). Maven runs the integration tests once with each.
 *
 * <p>
 * If PostgreSQL is unreachable the PostgreSQL run is skipped with a loud message, except
 * in CI ({@code CI=true}), where it fails.
 */
public final class TestDatabase implements ExecutionCondition {

	public static final String DATABASE = System.getProperty("latchkey.it.database", "h2").toLowerCase(Locale.ROOT);

	static final String POSTGRES_URL = System.getProperty("latchkey.it.postgres.url",
			"jdbc:postgresql://127.0.0.1:5432/test");

	static final String POSTGRES_USER = System.getProperty("latchkey.it.postgres.username", "postgres");

	private static volatile Boolean postgresReachable;

	public static boolean isPostgres() {
		return "postgres".equals(DATABASE);
	}

	/**
	 * The run's PostgreSQL ({@code -Dlatchkey.it.postgres.url}), for tests that open
	 * connections or start servers of their own.
	 */
	public static String postgresUrl() {
		return POSTGRES_URL;
	}

	public static String postgresUser() {
		return POSTGRES_USER;
	}

	/** The run's PostgreSQL URL with more parameters, e.g. {@code currentSchema=x}. */
	public static String postgresUrl(String parameters) {
		return withParameters(POSTGRES_URL, parameters);
	}

	/** Host and port of the run's PostgreSQL, for a test that puts a proxy in between. */
	public static InetSocketAddress postgresServer() {
		URI uri = URI.create(POSTGRES_URL.substring("jdbc:".length()));
		return InetSocketAddress.createUnresolved(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 5432);
	}

	/**
	 * The URL of the run's PostgreSQL database reached at another address (a proxy), with
	 * more parameters.
	 */
	public static String postgresUrlThrough(String host, int port, String parameters) {
		URI uri = URI.create(POSTGRES_URL.substring("jdbc:".length()));
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		return withParameters("jdbc:postgresql://" + host + ":" + port + uri.getRawPath() + query, parameters);
	}

	private static String withParameters(String url, String parameters) {
		return url + (url.contains("?") ? "&" : "?") + parameters;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!isPostgres()) {
			return ConditionEvaluationResult.enabled("embedded H2");
		}
		if (postgresReachable()) {
			return ConditionEvaluationResult.enabled("PostgreSQL at " + POSTGRES_URL);
		}
		skip(context.getDisplayName());
		return ConditionEvaluationResult.disabled("SKIPPED LOUDLY: PostgreSQL at " + POSTGRES_URL + " is unreachable");
	}

	private static boolean skip(String what) {
		String message = "PostgreSQL at " + POSTGRES_URL + " is unreachable";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(message + "; CI requires it (start it, or fix latchkey.it.postgres.url)");
		}
		System.err.println();
		System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
		System.err.println("!!! SKIPPING " + what + ": " + message);
		System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
		return false;
	}

	private static boolean postgresReachable() {
		if (postgresReachable == null) {
			try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
				postgresReachable = connection.isValid(5);
			}
			catch (SQLException ex) {
				postgresReachable = false;
			}
		}
		return postgresReachable;
	}

	/** Points each new application context at its own fresh database. */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Object> properties = isPostgres() ? postgres() : h2();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("latchkey-test-database", properties));
		}

		private static Map<String, Object> h2() {
			try {
				Path directory = Files.createTempDirectory("latchkey-it-");
				// No password: the server generates one beside the database, as in
				// production.
				return Map.of("spring.datasource.url",
						"jdbc:h2:file:" + directory.resolve("latchkey") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
						"spring.datasource.username", "sa");
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static Map<String, Object> postgres() {
			String schema = "latchkey_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			execute("create schema " + schema);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop schema " + schema + " cascade")));
			return Map.of("spring.datasource.url", postgresUrl("currentSchema=" + schema), "spring.datasource.username",
					POSTGRES_USER, "spring.datasource.password", "", "spring.flyway.schemas", schema,
					"spring.flyway.default-schema", schema);
		}

		private static void execute(String sql) {
			try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not run '" + sql + "' on " + POSTGRES_URL, ex);
			}
		}

	}

}
