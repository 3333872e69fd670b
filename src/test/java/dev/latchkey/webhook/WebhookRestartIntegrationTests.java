package dev.latchkey.webhook;

import java.nio.file.Path;
import java.time.Duration;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.system.Actor;
import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.SecretCanary;
import dev.latchkey.token.NewToken;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.user.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A delivery still pending when the server stops is sent by the next start: everything a
 * delivery needs is in its row. Runs the real application twice on one H2 file, with the
 * background jobs off so that the test decides when the sender runs.
 */
class WebhookRestartIntegrationTests {

	@Test
	void aDeliveryPendingAtShutdownIsSentAfterTheRestart(@TempDir Path directory) throws Exception {
		String url = "jdbc:h2:file:" + directory.resolve("latchkey") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
		String admin;
		String webhookId;
		String deliveryId;
		try (Receiver receiver = Receiver.start()) {
			try (ConfigurableApplicationContext first = start(url)) {
				Api api = new Api(port(first));
				admin = issue(first);
				ApiResponse webhook = api.post("/api/v1/webhooks", admin,
						"{\"url\":\"" + receiver.url() + "\",\"events\":[\"token.revoked\"]}");
				SecretCanary.issued(webhook.text("secret"));
				webhookId = webhook.text("id");
				String token = api.post("/api/v1/tokens", admin, "{\"name\":\"outlives-the-server\"}").text("id");
				api.post("/api/v1/tokens/" + token + "/revoke", admin, null);
				// The delivery is recorded by a listener after the revocation commits.
				String deliveries = "/api/v1/webhooks/" + webhookId + "/deliveries";
				await().atMost(Duration.ofSeconds(10)).until(() -> !api.get(deliveries, admin).json().isEmpty());
				ApiResponse pending = api.get(deliveries, admin);
				assertThat(pending.json().get(0).get("state").asString()).isEqualTo("PENDING");
				deliveryId = pending.json().get(0).get("id").asString();
			}
			assertThat(receiver.received()).isEmpty();

			try (ConfigurableApplicationContext second = start(url)) {
				second.getBean(WebhookSender.class).sendDue();
				ApiResponse log = new Api(port(second)).get("/api/v1/webhooks/" + webhookId + "/deliveries", admin);

				assertThat(receiver.received()).hasSize(1);
				assertThat(receiver.received().get(0).header("X-Latchkey-Delivery")).isEqualTo(deliveryId);
				assertThat(log.json().get(0).get("state").asString()).isEqualTo("DELIVERED");
				assertThat(log.json()).hasSize(1);
			}
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(LatchkeyApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.datasource.url=" + url,
				"--latchkey.admin.password=restart-password", "--latchkey.scheduling.enabled=false",
				"--latchkey.webhooks.allow-insecure-destinations=true");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String issue(ConfigurableApplicationContext context) {
		var admin = context.getBean(Users.class).findByUsername("admin").orElseThrow();
		String secret = context.getBean(TokenManagement.class)
			.issueFor(Actor.operator(), admin.id(), NewToken.named("restart"))
			.secret()
			.reveal();
		SecretCanary.issued(secret);
		return secret;
	}

}
