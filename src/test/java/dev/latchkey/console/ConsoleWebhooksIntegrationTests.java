package dev.latchkey.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.SecretCanary;
import dev.latchkey.testing.TestDatabase;
import dev.latchkey.webhook.Receiver;
import dev.latchkey.webhook.WebhookSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Admin → Webhooks (SPEC §9) in a real browser against the real server: adding a webhook
 * shows its signing secret once, the delivery log shows what the receiver got, and
 * deleting asks first. The receiver runs in the test on 127.0.0.1.
 */
class ConsoleWebhooksIntegrationTests extends ConsoleBrowserTest {

	@Autowired
	WebhookSender sender;

	Receiver receiver;

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = Receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void anAdminAddsAWebhookSeesItsSecretOnceAndReadsItsDeliveryLog() {
		signInAsTheAdmin();
		this.browser.find(By.cssSelector(".admin-nav")).findElement(By.linkText("Webhooks")).click();
		this.browser.waitFor(ExpectedConditions.urlContains("/admin/webhooks"));

		this.browser.find(By.id("add-webhook-button")).click();
		this.browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-url")));
		this.browser.type(By.id("webhook-url"), this.receiver.url());
		this.browser.find(By.id("webhook-event-token.revoked")).click();
		submitAndWaitForTheNextPage(By.id("add-webhook-submit"));
		String secret = this.browser.waitFor(By.id("webhook-secret")).getAttribute("value");
		SecretCanary.issued(secret);
		assertThat(secret).startsWith("lkwh_");
		submitAndWaitForTheNextPage(By.id("webhook-created-done"));

		WebElement row = this.browser.waitFor(By.cssSelector("tr[data-webhook-url='" + this.receiver.url() + "']"));
		assertThat(row.getText()).contains("token.revoked").doesNotContain("token.created");
		assertThat(this.browser.source()).doesNotContain(secret);

		revokeATokenAndSend();
		row.findElement(By.linkText("Deliveries")).click();
		WebElement delivery = this.browser.waitFor(By.cssSelector("#deliveries tr[data-delivery-id]"));
		assertThat(delivery.findElement(By.cssSelector("[data-state]")).getText()).isEqualTo("Delivered");
		assertThat(delivery.findElement(By.cssSelector("[data-status-code]")).getText()).isEqualTo("200");
		assertThat(delivery.getText()).contains("token.revoked");
		assertThat(delivery.getAttribute("data-delivery-id"))
			.isEqualTo(this.receiver.received().get(0).header("X-Latchkey-Delivery"));
		assertThat(this.browser.source()).doesNotContain(secret);
	}

	@Test
	void aUrlWithCredentialsIsRefusedInTheDialogAndNothingIsAdded() {
		signInAsTheAdmin();
		openFromTheAdminTile("Webhooks", "/admin/webhooks");

		this.browser.find(By.id("add-webhook-button")).click();
		this.browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-url")));
		this.browser.type(By.id("webhook-url"), "https://user:password@hooks.example.com/in");
		submitAndWaitForTheNextPage(By.id("add-webhook-submit"));

		assertThat(this.browser.waitFor(By.id("add-webhook-error")).getText()).contains("no user name or password");
		assertThat(this.browser.findAll(By.id("webhook-secret"))).isEmpty();
		assertThat(this.api.get("/api/v1/webhooks", this.tenant.adminToken()).json()).isEmpty();
	}

	@Test
	void deletingAWebhookAsksFirstAndThenRemovesIt() {
		ApiResponse created = this.api.post("/api/v1/webhooks", this.tenant.adminToken(),
				"{\"url\":\"" + this.receiver.url() + "\"}");
		SecretCanary.issued(created.text("secret"));
		signInAsTheAdmin();
		this.browser.open("/admin/webhooks");

		this.browser.find(By.cssSelector("tr[data-webhook-id='" + created.text("id") + "']"))
			.findElement(By.linkText("Delete"))
			.click();
		confirm("Delete");

		assertThat(this.browser.find(By.cssSelector(".messages [role=status]")).getText()).contains("deleted");
		assertThat(this.browser.findAll(By.cssSelector("tr[data-webhook-id]"))).isEmpty();
		assertThat(this.api.get("/api/v1/webhooks", this.tenant.adminToken()).json()).isEmpty();
	}

	/**
	 * The delivery log of docs/screenshots/webhook-deliveries.png; on request only, like
	 * {@link ConsoleScreenshotsIntegrationTests}:
	 * {@code ./mvnw verify -Dit.test=ConsoleWebhooksIntegrationTests -Dtest=none
	 * -Dsurefire.failIfNoSpecifiedTests=false -Dlatchkey.screenshots=docs/screenshots}.
	 */
	@Test
	void screenshotOfADeliveryLog() throws Exception {
		String target = System.getProperty("latchkey.screenshots");
		assumeTrue(target != null && !target.isBlank() && !TestDatabase.isPostgres(),
				"screenshots are made on request only: -Dlatchkey.screenshots=<folder>");
		this.receiver.answering(200, 200, 200, 500, 200, 503);
		ApiResponse created = this.api.post("/api/v1/webhooks", this.tenant.adminToken(),
				"{\"url\":\"" + this.receiver.url() + "\"}");
		SecretCanary.issued(created.text("secret"));
		for (String name : List.of("ci-deploy", "grafana-export", "nightly-backup")) {
			String id = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"" + name + "\"}")
				.text("id");
			this.sender.sendDue();
			if (!name.equals("ci-deploy")) {
				this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null);
				this.sender.sendDue();
			}
		}
		signInAsTheAdmin();
		this.browser.viewport(1280, 640, false);
		this.browser.open("/admin/webhooks/" + created.text("id"));
		this.browser.waitFor(By.id("deliveries"));
		this.browser.screenshot(Path.of(target).resolve("webhook-deliveries.png"));
	}

	private void revokeATokenAndSend() {
		String id = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"watched\"}").text("id");
		this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.sender.sendDue();
			return !this.receiver.received().isEmpty();
		});
	}

}
