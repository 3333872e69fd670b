package dev.latchkey;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7: with no configuration the server keeps everything in an embedded file database
 * across restarts. Runs the real application twice on one H2 file.
 */
class RestartIntegrationTests {

	@Test
	void tokensAndTheFirstAdminSurviveARestart(@TempDir Path directory) throws Exception {
		String url = "jdbc:h2:file:" + directory.resolve("latchkey") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
		String secret;
		String id;
		try (ConfigurableApplicationContext first = start(url)) {
			Api api = new Api(port(first));
			secret = issue(first);
			ApiResponse created = api.post("/api/v1/tokens", secret, "{\"name\":\"survivor\"}");
			id = created.text("id");
			api.post("/api/v1/tokens/" + id + "/revoke", secret, null);
		}
		assertThat(Files.list(directory)).isNotEmpty();

		try (ConfigurableApplicationContext second = start(url)) {
			Api api = new Api(port(second));
			ApiResponse me = api.get("/api/v1/me", secret);
			ApiResponse survivor = api.get("/api/v1/tokens/" + id, secret);

			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().get("user").get("username").asString()).isEqualTo("admin");
			assertThat(survivor.text("status")).isEqualTo("REVOKED");
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(LatchkeyApplication.class)
			// Command-line arguments: they take precedence over application.yml.
			.run("--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + url,
					"--latchkey.admin.password=restart-password", "--latchkey.scheduling.enabled=false");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String issue(ConfigurableApplicationContext context) {
		var users = context.getBean(dev.latchkey.user.Users.class);
		var tokens = context.getBean(dev.latchkey.token.TokenManagement.class);
		var admin = users.findByUsername("admin").orElseThrow();
		return tokens
			.issueFor(dev.latchkey.system.Actor.operator(), admin.id(), dev.latchkey.token.NewToken.named("restart"))
			.secret()
			.reveal();
	}

}
