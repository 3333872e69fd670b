package dev.latchkey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.latchkey.testing.IntegrationTest;
import dev.latchkey.testing.Reliability;
import dev.latchkey.testing.SecretCanary;
import dev.latchkey.testing.TestDatabase;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secret canary: after every other integration test of the run (at debug level for
 * Latchkey, Spring MVC and Spring Security), no secret the suite was handed appears in
 * the log output or in any stored row (console sessions included), raw, URL-encoded or
 * Base64.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class SecretCanaryIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void noSecretIssuedByTheSuiteIsInTheLogsOrTheDatabase() throws IOException {
		Path log = Path.of("target", "test-logs", TestDatabase.DATABASE + ".log");
		String logs = Files.exists(log) ? Files.readString(log) : "";
		String stored = String.join("\n", this.jdbc.sql("""
				select coalesce(details, '') || ' ' || coalesce(target_name, '') || ' ' || actor_name
				from audit_events
				union all
				select name || ' ' || coalesce(description, '') || ' ' || hint || ' ' || digest from api_tokens
				union all
				select name || ' ' || secret_digest from resource_clients
				""").query(String.class).list()) + "\n" + sessionAttributes();
		Set<String> secrets = SecretCanary.secrets();

		List<String> hits = new ArrayList<>();
		int forms = 0;
		for (String secret : secrets) {
			for (String form : SecretCanary.forms(secret)) {
				forms++;
				if (logs.contains(form)) {
					hits.add("log: " + secret.substring(0, 6) + "…");
				}
				if (stored.contains(form)) {
					hits.add("database: " + secret.substring(0, 6) + "…");
				}
			}
		}

		Reliability.report("secret-canary", Map.of("secrets", secrets.size(), "formsSearched", forms, "logBytes",
				logs.length(), "hits", hits.size()));
		assertThat(logs).as("the suite's log output").isNotEmpty();
		assertThat(secrets).as("secrets issued by the suite, beside the password").hasSizeGreaterThan(1);
		assertThat(hits).isEmpty();
	}

	/**
	 * Console sessions are serialized Java objects; their strings are stored as bytes.
	 */
	private String sessionAttributes() {
		return String.join("\n",
				this.jdbc.sql("select attribute_bytes from spring_session_attributes")
					.query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.ISO_8859_1))
					.list());
	}

}
