package dev.latchkey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.IntegrationTest;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC rule 2: after the create response, a secret appears in no response, log line or
 * audit event. The server logs at DEBUG here, so that request and response logging would
 * show a leak.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.dev.latchkey=DEBUG", "logging.level.org.springframework.web=DEBUG",
		"logging.level.org.springframework.security=DEBUG", "logging.level.org.springframework.jdbc=DEBUG" })
class SecretLeakIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSecretIsShownOnceAndNowhereElse(CapturedOutput output) {
		Api api = new Api(this.port);
		Tenant tenant = this.fixtures.tenant();
		List<String> secrets = new ArrayList<>(List.of(tenant.adminToken()));
		List<ApiResponse> createResponses = new ArrayList<>();
		for (String name : List.of("alpha", "beta", "gamma")) {
			ApiResponse created = api.post("/api/v1/tokens", tenant.adminToken(), "{\"name\":\"" + name + "\"}");
			createResponses.add(created);
			secrets.add(created.text("token"));
		}
		for (ApiResponse created : createResponses) {
			String secret = created.text("token");
			String id = created.text("id");
			api.get("/api/v1/me", secret);
			api.send(api.raw("/api/v1/me").header("token", secret).GET());
			api.get("/api/v1/me?access_token=" + secret, null);
			api.get("/api/v1/me", secret.substring(0, secret.length() - 1) + "x");
			api.post("/api/v1/tokens/" + id + "/revoke", tenant.adminToken(), null);
			api.get("/api/v1/me", secret);
			api.post("/api/v1/tokens/" + id + "/reapprove", tenant.adminToken(), null);
			api.get("/api/v1/tokens/" + id, tenant.adminToken());
			api.post("/api/v1/tokens", tenant.adminToken(),
					"{\"name\":\"" + secret + "\",\"token\":\"" + secret + "\"}");
		}
		api.get("/api/v1/tokens?owner=all", tenant.adminToken());
		api.get("/api/v1/audit-events", tenant.adminToken());

		List<String> forms = secrets.stream().flatMap((s) -> variants(s).stream()).toList();
		String everyLaterResponse = api.seen()
			.stream()
			.filter((response) -> !createResponses.contains(response))
			.map((response) -> response.headers().map() + response.body())
			.reduce("", String::concat);
		String auditTrail = String.join("\n", this.jdbc.sql("select * from audit_events")
			.query((rs, n) -> rs.getString("details") + rs.getString("target_name") + rs.getString("actor_name"))
			.list());
		String tokenTable = String.join("\n",
				this.jdbc.sql("select * from api_tokens")
					.query((rs, n) -> rs.getString("digest") + rs.getString("hint") + rs.getString("name"))
					.list());
		String logs = output.getAll() + debugLog();
		assertThat(logs).contains("Securing POST /api/v1/tokens");
		for (String form : forms) {
			assertThat(logs).as("log output").doesNotContain(form);
			assertThat(everyLaterResponse).as("later responses").doesNotContain(form);
			assertThat(auditTrail).as("audit trail").doesNotContain(form);
			assertThat(tokenTable).as("token table").doesNotContain(form);
		}
	}

	/**
	 * Everything logged at debug level, which the test configuration writes to a file.
	 */
	private static String debugLog() {
		try {
			return Files.readString(Path.of("target", "test-logs", TestDatabase.DATABASE + ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> variants(String secret) {
		return List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
				Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
				secret.substring(4, secret.length() - 6));
	}

}
