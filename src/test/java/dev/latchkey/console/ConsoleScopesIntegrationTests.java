package dev.latchkey.console;

import java.util.List;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.Tenant;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scopes and IP allowlists (SPEC §8) in the console, in a real browser against the real
 * server: what the create dialog, the table, the edit page and the Scopes page show, and
 * what the API then answers to the token. The API calls of these tests come from
 * 127.0.0.1.
 */
class ConsoleScopesIntegrationTests extends ConsoleBrowserTest {

	@Test
	void aTokenCreatedWithReadApiAndAnAllowlistShowsBothInTheTableAndIsHeldToThem() {
		signInAsTheAdmin();
		openFromTheAdminTile("API Tokens", "/admin/api-tokens");

		openTheCreateDialog("reader");
		tick("token-scope-read_api", true);
		tick("token-scope-api", false);
		this.browser.type(By.id("token-allowed-ips"), "127.0.0.1\n10.0.0.0/8\n2001:db8::/32");
		String secret = createAndCloseTheDialog();

		WebElement row = row("reader");
		assertThat(chips(row, "[data-scopes] .chip")).containsExactly("read_api");
		assertThat(row.findElement(By.cssSelector("[data-allowed-ips]")).getText()).contains("127.0.0.1")
			.contains("10.0.0.0/8")
			.contains("+1 more");
		assertThat(chips(row("bootstrap"), "[data-scopes] .chip")).containsExactly("api");
		assertThat(row("bootstrap").findElement(By.cssSelector("[data-allowed-ips]")).getText())
			.isEqualTo("from anywhere");
		ApiResponse me = this.api.get("/api/v1/me", secret);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("token").get("scopes").toString()).isEqualTo("[\"read_api\"]");
		assertThat(this.api.post("/api/v1/tokens", secret, "{\"name\":\"via-reader\"}").status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/tokens", secret).status()).isEqualTo(200);
		theSecretIsOnNoPage(secret);
	}

	@Test
	void anInvalidAllowlistEntryIsShownAtTheFieldAndCreatesNothing() {
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");

		openTheCreateDialog("badly-fenced");
		tick("token-scope-read_api", true);
		this.browser.type(By.id("token-allowed-ips"), "192.0.2.7\nexample.com");
		this.browser
			.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("token-allowed-ips-check"), "Line 2"));
		String hint = this.browser.find(By.id("token-allowed-ips-check")).getText();
		submitAndWaitForTheNextPage(By.id("create-token-submit"));

		WebElement error = this.browser.waitFor(By.id("token-allowed-ips-error"));
		assertThat(hint).contains("Line 2").contains("host names");
		assertThat(error.getText()).contains("Entry 2 of the allowlist");
		assertThat(error.getText()).doesNotContain("example.com");
		assertThat(this.browser.find(By.id("token-allowed-ips")).getAttribute("value"))
			.isEqualTo("192.0.2.7\nexample.com");
		assertThat(this.browser.find(By.id("token-name")).getAttribute("value")).isEqualTo("badly-fenced");
		assertThat(this.browser.find(By.id("token-scope-read_api")).isSelected()).isTrue();
		assertThat(this.browser.findAll(By.id("token-created"))).isEmpty();
		assertThat(tokenNames()).containsExactly("bootstrap");
	}

	@Test
	void editingNarrowsApiToReadApiAndChangesTheAllowlistAtOnce() {
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");

		edit("bootstrap");
		tick("edit-scope-api", false);
		tick("edit-scope-read_api", true);
		this.browser.type(By.id("edit-allowed-ips"), "127.0.0.1");
		submitAndWaitForTheNextPage(By.id("edit-token-submit"));

		String notice = this.browser.waitFor(By.cssSelector("[role=status]")).getText();
		assertThat(notice).contains("read_api").contains("127.0.0.1");
		assertThat(chips(row("bootstrap"), "[data-scopes] .chip")).containsExactly("read_api");
		assertThat(row("bootstrap").findElement(By.cssSelector("[data-allowed-ips]")).getText())
			.isEqualTo("from 127.0.0.1");
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
		assertThat(this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"x\"}").status())
			.isEqualTo(403);

		// the edit page now offers nothing wider than read_api
		edit("bootstrap");
		assertThat(this.browser.findAll(By.id("edit-scope-api"))).isEmpty();
		assertThat(this.browser.find(By.id("edit-scope-read_api")).isSelected()).isTrue();
		this.browser.type(By.id("edit-allowed-ips"), "192.0.2.0/24");
		submitAndWaitForTheNextPage(By.id("edit-token-submit"));
		this.browser.waitFor(By.cssSelector("[role=status]"));
		// from an address outside the allowlist the token fails like an unknown one
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(401);
	}

	@Test
	void aRefusedEditIsShownAtTheFieldAndChangesNothing() {
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");

		edit("bootstrap");
		tick("edit-scope-api", false);
		this.browser.type(By.id("edit-allowed-ips"), "10.0.0.1/8");
		submitAndWaitForTheNextPage(By.id("edit-token-submit"));

		assertThat(this.browser.waitFor(By.id("edit-scopes-error")).getText()).isEqualTo("Choose at least one scope.");
		tick("edit-scope-read_api", true);
		submitAndWaitForTheNextPage(By.id("edit-token-submit"));
		assertThat(this.browser.waitFor(By.id("edit-allowed-ips-error")).getText())
			.contains("did you mean 10.0.0.0/8?");
		assertThat(this.browser.find(By.id("edit-allowed-ips")).getAttribute("value")).isEqualTo("10.0.0.1/8");
		JsonNode token = this.api.get("/api/v1/me", this.tenant.adminToken()).json().get("token");
		assertThat(token.get("scopes").toString()).isEqualTo("[\"api\"]");
		assertThat(token.get("allowedIps").size()).isZero();
	}

	@Test
	void aScopeDefinedOnTheScopesPageCanBeGivenToATokenAndIsThenRefusedDeletion() {
		signInAsTheAdmin();
		openFromTheAdminTile("Scopes", "/admin/scopes");
		assertThat(this.browser.findAll(By.cssSelector("tr[data-scope-name='api'] .row-actions a"))).isEmpty();
		assertThat(this.browser.findAll(By.cssSelector("tr[data-scope-name='read_api'] .row-actions a"))).isEmpty();

		define("orders:write", "Places orders");
		assertThat(this.browser.waitFor(By.cssSelector("[role=status]")).getText()).contains("orders:write");
		define("orders:write", "again");
		assertThat(this.browser.waitFor(By.id("define-scope-error")).getText()).contains("already exists");

		this.browser.open("/admin/api-tokens");
		openTheCreateDialog("orders-client");
		assertThat(this.browser.find(By.id("create-token")).getText()).contains("Places orders");
		tick("token-scope-api", false);
		tick("token-scope-orders:write", true);
		String secret = createAndCloseTheDialog();
		assertThat(chips(row("orders-client"), "[data-scopes] .chip")).containsExactly("orders:write");

		this.browser.open("/admin/scopes");
		this.browser.find(By.cssSelector("tr[data-scope-name='orders:write']"))
			.findElement(By.linkText("Delete"))
			.click();
		confirm("Delete");
		assertThat(this.browser.find(By.cssSelector("[role=alert]")).getText()).contains("A token holds the scope");
		assertThat(this.browser.findAll(By.cssSelector("tr[data-scope-name='orders:write']"))).hasSize(1);
		assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(200);
		theSecretIsOnNoPage(secret);
	}

	@Test
	void aGeneralUserSeesNoScopesAndIsRefusedTheScopesPage() {
		User user = this.tenant.user(true);
		this.browser.signIn(user.username(), Fixtures.PASSWORD);

		long list = this.browser.fetchStatus("GET", "/admin/scopes", null);
		this.browser.open("/admin/scopes");

		assertThat(this.browser.findAll(By.linkText("Scopes"))).isEmpty();
		assertThat(list).isEqualTo(403);
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("You can't open this page");
		assertThat(this.browser.source()).doesNotContain("Define a scope");
	}

	@Test
	void anAdminOfAnotherOrganisationCannotOpenOrChangeATokenOrScopeHere() {
		signInAsTheAdmin();
		this.browser.open("/admin/scopes");
		define("billing:read", null);
		this.browser.open("/admin/api-tokens");
		String tokenId = row("bootstrap").getAttribute("data-token-id");
		this.browser.driver().manage().deleteAllCookies();

		Tenant other = this.fixtures.tenant();
		this.browser.signIn(other.admin().username(), Fixtures.PASSWORD);
		this.browser.open("/admin/api-tokens/" + tokenId + "/edit");
		String editPage = this.browser.find(By.tagName("h1")).getText();
		this.browser.open("/admin/scopes");
		boolean seesTheScope = !this.browser.findAll(By.cssSelector("tr[data-scope-name='billing:read']")).isEmpty();
		long deleteConfirmation = this.browser.fetchStatus("GET", "/admin/scopes/billing:read/delete", null);

		assertThat(editPage).isEqualTo("Not found");
		assertThat(seesTheScope).isFalse();
		assertThat(deleteConfirmation).isEqualTo(404);
	}

	@Test
	void changesWithoutTheCsrfTokenAreRefused() {
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");
		String tokenId = row("bootstrap").getAttribute("data-token-id");

		long edit = this.browser.fetchStatus("POST", "/admin/api-tokens/" + tokenId + "/edit",
				"scopes=read_api&allowedIps=192.0.2.1");
		long define = this.browser.fetchStatus("POST", "/admin/scopes", "name=forged");

		assertThat(edit).isEqualTo(403);
		assertThat(define).isEqualTo(403);
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/scopes", this.tenant.adminToken()).body()).doesNotContain("forged");
	}

	private void openTheCreateDialog(String name) {
		this.browser.find(By.id("create-token-button")).click();
		this.browser.waitFor(By.id("token-name"));
		this.browser.type(By.id("token-name"), name);
	}

	/** Creates the token, reads the secret once and closes the dialog. */
	private String createAndCloseTheDialog() {
		this.browser.find(By.id("create-token-submit")).click();
		String secret = this.browser.waitFor(By.id("token-secret")).getAttribute("value");
		this.browser.find(By.id("token-created-done")).click();
		this.browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.id("token-created"), 0));
		this.browser.waitFor(By.id("tokens"));
		return secret;
	}

	private void theSecretIsOnNoPage(String secret) {
		for (String path : List.of("/admin/api-tokens", "/admin/scopes", "/admin/audit", "/")) {
			this.browser.open(path);
			assertThat(this.browser.source()).as(path).doesNotContain(secret);
		}
		this.browser.open("/admin/api-tokens");
		List<String> ids = this.browser.findAll(By.cssSelector("#tokens tr[data-token-id]"))
			.stream()
			.map((row) -> row.getAttribute("data-token-id"))
			.toList();
		assertThat(ids).isNotEmpty();
		for (String id : ids) {
			this.browser.open("/admin/api-tokens/" + id + "/edit");
			assertThat(this.browser.source()).as("edit " + id).doesNotContain(secret);
		}
	}

	private void tick(String checkbox, boolean ticked) {
		WebElement box = this.browser.find(By.id(checkbox));
		if (box.isSelected() != ticked) {
			box.click();
		}
	}

	private void edit(String tokenName) {
		row(tokenName).findElement(By.linkText("Edit")).click();
		this.browser.waitFor(By.id("edit-token"));
	}

	private void define(String name, String description) {
		this.browser.type(By.id("scope-name"), name);
		if (description != null) {
			this.browser.type(By.id("scope-description"), description);
		}
		submitAndWaitForTheNextPage(By.id("define-scope-submit"));
	}

	private WebElement row(String tokenName) {
		return this.browser.find(By.cssSelector("tr[data-token-name='" + tokenName + "']"));
	}

	private static List<String> chips(WebElement row, String selector) {
		return row.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
	}

	private List<String> tokenNames() {
		return this.browser.findAll(By.cssSelector("#tokens tr[data-token-name]"))
			.stream()
			.map((row) -> row.getAttribute("data-token-name"))
			.toList();
	}

}
