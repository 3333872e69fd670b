package dev.latchkey.console;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.ConsoleClient;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin → API Clients in a real browser against the real server: registering a resource
 * server shows its secret once, the credentials shown work for introspection, and
 * disabling the client from the table shuts it out.
 */
class ConsoleClientsIntegrationTests extends ConsoleBrowserTest {

	@Test
	void anAdminRegistersAClientSeesTheSecretOnceAndAfterClosingItIsNowhere() {
		signInAsTheAdmin();
		this.browser.grantClipboard();
		openFromTheAdminTile("API Clients", "/admin/clients");

		Credentials shown = register("orders-api");
		String dialog = this.browser.find(By.id("client-registered")).getText();
		this.browser.find(By.id("copy-client-secret")).click();
		this.browser.waitFor(ExpectedConditions.textToBe(By.id("copy-client-secret"), "Copied"));
		Object clipboard = this.browser.await("navigator.clipboard.readText()");
		this.browser.find(By.id("client-registered-done")).click();
		this.browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.id("client-registered"), 0));

		assertThat(shown.clientId()).startsWith("lkc_");
		assertThat(shown.secret()).startsWith("lkcs_");
		assertThat(dialog).contains("will not be shown again").contains("/oauth2/introspect");
		assertThat(clipboard).isEqualTo(shown.secret());
		assertThat(this.browser.path()).isEqualTo("/admin/clients");
		assertThat(this.browser.source()).doesNotContain(shown.secret()).contains(shown.clientId());
		assertThat(row("orders-api").getText()).contains("Enabled").contains(this.tenant.admin().username());
		this.browser.driver().navigate().refresh();
		assertThat(this.browser.source()).doesNotContain(shown.secret()).contains("orders-api");
	}

	@Test
	void theCredentialsShownIntrospectTokensUntilTheClientIsDisabledFromTheTable() {
		signInAsTheAdmin();
		this.browser.open("/admin/clients");
		Credentials shown = register("billing-api");
		this.browser.find(By.id("client-registered-done")).click();
		this.browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.id("client-registered"), 0));

		ApiResponse enabled = introspect(shown, this.tenant.adminToken());
		rowAction("billing-api", "Disable");
		ApiResponse disabled = introspect(shown, this.tenant.adminToken());
		String status = row("billing-api").findElement(By.cssSelector("td:nth-child(3)")).getText();
		rowAction("billing-api", "Enable");
		ApiResponse enabledAgain = introspect(shown, this.tenant.adminToken());

		assertThat(enabled.status()).isEqualTo(200);
		assertThat(enabled.json().get("active").asBoolean()).isTrue();
		assertThat(enabled.text("sub")).isEqualTo(this.tenant.admin().username());
		assertThat(disabled.status()).isEqualTo(401);
		assertThat(status).isEqualTo("Disabled");
		assertThat(enabledAgain.status()).isEqualTo(200);
	}

	@Test
	void refusalsAreShownInPlainWordsInTheDialog() {
		signInAsTheAdmin();
		this.browser.open("/admin/clients");
		register("orders-api");
		this.browser.find(By.id("client-registered-done")).click();
		this.browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.id("client-registered"), 0));

		String taken = refusal("orders-api");
		String typedBack = this.browser.find(By.id("client-name")).getAttribute("value");
		String blank = refusal("   ");

		assertThat(taken).isEqualTo("A client named 'orders-api' already exists in your organisation.");
		assertThat(typedBack).isEqualTo("orders-api");
		assertThat(blank).startsWith("Give the client a name");
		assertThat(this.browser.findAll(By.id("client-registered"))).isEmpty();
		assertThat(this.browser.findAll(By.cssSelector("#clients tbody tr[data-client-name]"))).hasSize(1);
	}

	@Test
	void theSecretIsOnlyInTheUncachedRegisterResponse() {
		ConsoleClient console = new ConsoleClient(this.port);
		console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);
		console.get("/admin/clients");

		ApiResponse registered = console.post("/admin/clients", Map.of("name", "plain-http"));
		String secret = registered.body().replaceFirst("(?s).*value=\"(lkcs_[A-Za-z0-9]+)\".*", "$1");

		assertThat(registered.status()).isEqualTo(200);
		assertThat(secret).startsWith("lkcs_");
		assertThat(registered.header("Cache-Control")).isEqualTo("no-store");
		assertThat(registered.header("Location")).isNull();
		for (String path : List.of("/admin/clients", "/admin/audit", "/")) {
			assertThat(console.get(path).body()).as(path).doesNotContain(secret);
		}
	}

	@Test
	void aGeneralUserSeesNoClientsLinkAndIsRefusedThePage() {
		User user = this.tenant.user(true);
		this.browser.signIn(user.username(), Fixtures.PASSWORD);

		boolean link = !this.browser.findAll(By.linkText("API Clients")).isEmpty();
		long status = this.browser.fetchStatus("GET", "/admin/clients", null);
		this.browser.open("/admin/clients");

		assertThat(link).isFalse();
		assertThat(status).isEqualTo(403);
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("You can't open this page");
		assertThat(this.browser.source()).doesNotContain("Register API Client");
	}

	/** Registers a client through the dialog and returns what the dialog shows. */
	private Credentials register(String name) {
		this.browser.find(By.id("register-client-button")).click();
		this.browser.waitFor(By.id("client-name"));
		this.browser.type(By.id("client-name"), name);
		this.browser.find(By.id("register-client-submit")).click();
		WebElement secret = this.browser.waitFor(By.id("client-secret"));
		return new Credentials(this.browser.find(By.id("client-id")).getAttribute("value"),
				secret.getAttribute("value"));
	}

	/** Submits the register dialog with this name and returns the message it shows. */
	private String refusal(String name) {
		if (!this.browser.find(By.id("register-client")).isDisplayed()) {
			this.browser.find(By.id("register-client-button")).click();
		}
		this.browser.waitFor(By.id("client-name"));
		this.browser.type(By.id("client-name"), name);
		submitAndWaitForTheNextPage(By.id("register-client-submit"));
		return this.browser.waitFor(By.cssSelector("#register-client [role=alert]")).getText();
	}

	private WebElement row(String name) {
		return this.browser.find(By.cssSelector("tr[data-client-name='" + name + "']"));
	}

	private void rowAction(String name, String label) {
		row(name).findElement(By.linkText(label)).click();
		confirm(label);
	}

	private ApiResponse introspect(Credentials client, String token) {
		String basic = Base64.getEncoder()
			.encodeToString((client.clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
		return this.api.send(this.api.raw("/oauth2/introspect")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + basic)
			.POST(BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
	}

	record Credentials(String clientId, String secret) {

	}

}
