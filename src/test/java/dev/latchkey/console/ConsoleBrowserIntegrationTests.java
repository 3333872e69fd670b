package dev.latchkey.console;

import java.util.List;

import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Role;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.Tenant.Member;
import dev.latchkey.token.StatusReason;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.token.TokenView;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (headless Chromium) against the real server: what an
 * admin and a general user see and what their clicks do to the API.
 */
class ConsoleBrowserIntegrationTests extends ConsoleBrowserTest {

	@Autowired
	TokenManagement tokens;

	@Autowired
	OrganisationManagement organisations;

	@Test
	void anAdminCreatesATokenSeesItOnceCopiesItAndAfterClosingItIsNowhere() {
		signInAsTheAdmin();
		this.browser.grantClipboard();

		openFromTheAdminTile("API Tokens", "/admin/api-tokens");
		String secret = createToken("ci-deploy");
		WebElement dialog = this.browser.find(By.id("token-created"));
		assertThat(dialog.getText()).contains("will not be shown again");
		this.browser.find(By.id("copy-token")).click();
		this.browser.waitFor(ExpectedConditions.textToBe(By.id("copy-token"), "Copied"));
		Object clipboard = this.browser.await("navigator.clipboard.readText()");
		this.browser.find(By.id("token-created-done")).click();
		this.browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.id("token-created"), 0));

		assertThat(clipboard).isEqualTo(secret);
		assertThat(this.browser.path()).isEqualTo("/admin/api-tokens");
		assertThat(this.browser.source()).doesNotContain(secret).contains("ci-deploy");
		this.browser.driver().navigate().refresh();
		assertThat(this.browser.source()).doesNotContain(secret).contains("ci-deploy");
		this.browser.driver().navigate().back();
		assertThat(this.browser.source()).doesNotContain(secret);
	}

	@Test
	void theTokenShownInTheBrowserAuthenticatesTheApi() {
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");

		String secret = createToken("shown-once");
		ApiResponse me = this.api.get("/api/v1/me", secret);

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("token").get("name").asString()).isEqualTo("shown-once");
		assertThat(me.json().get("user").get("username").asString()).isEqualTo(this.tenant.admin().username());
	}

	@Test
	void revokeAndReapproveFromTheTableChangeWhatTheApiAnswers() {
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");

		rowAction("bootstrap", "Revoke");
		int afterRevoke = this.api.get("/api/v1/me", this.tenant.adminToken()).status();
		String statusCell = row("bootstrap").findElement(By.cssSelector("td:nth-child(4)")).getText();
		rowAction("bootstrap", "Re-approve");
		int afterReapprove = this.api.get("/api/v1/me", this.tenant.adminToken()).status();

		assertThat(afterRevoke).isEqualTo(401);
		assertThat(statusCell).contains("Revoked").contains("revoked by its owner");
		assertThat(afterReapprove).isEqualTo(200);
		assertThat(this.browser.find(By.cssSelector("[role=status]")).getText()).contains("re-approved");
	}

	@Test
	void deletingFromTheTableRemovesTheTokenForGood() {
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");

		rowAction("bootstrap", "Delete");

		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(401);
		assertThat(this.browser.findAll(By.cssSelector("tr[data-token-name='bootstrap']"))).isEmpty();
	}

	@Test
	void refusalsAreShownInPlainWords() {
		this.organisations.changePolicies(Actor.operator(), this.tenant.organisation().id(),
				new OrganisationPolicies(1, 30, 60, true));
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");

		List<String> lifetimes = this.browser.findAll(By.cssSelector("#token-lifetime option"))
			.stream()
			.map((option) -> option.getAttribute("value"))
			.toList();
		String preselected = this.browser.find(By.cssSelector("#token-lifetime option:checked")).getAttribute("value");
		this.browser.find(By.id("create-token-button")).click();
		this.browser.type(By.id("token-name"), "one-too-many");
		submitAndWaitForTheNextPage(By.id("create-token-submit"));

		WebElement dialog = this.browser.waitFor(By.id("create-token"));
		assertThat(lifetimes).containsExactly("7", "30", "60");
		assertThat(preselected).isEqualTo("30");
		assertThat(dialog.findElement(By.cssSelector("[role=alert]")).getText()).contains("at most 1 tokens")
			.contains("Delete a token");
		assertThat(this.browser.findAll(By.id("token-created"))).isEmpty();
	}

	@Test
	void aGeneralUserSeesNoAdminTileAndIsRefusedTheAdminPages() {
		User user = this.tenant.user(true);
		this.browser.signIn(user.username(), Fixtures.PASSWORD);

		boolean adminTile = !this.browser.findAll(By.id("admin-tile")).isEmpty();
		boolean adminNav = !this.browser.findAll(By.cssSelector("nav.admin-nav")).isEmpty();
		long status = this.browser.fetchStatus("GET", "/admin/api-tokens", null);
		this.browser.open("/admin/api-tokens");

		assertThat(adminTile).isFalse();
		assertThat(adminNav).isFalse();
		assertThat(status).isEqualTo(403);
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("You can't open this page");
		assertThat(this.browser.source()).doesNotContain("Create API Token");
	}

	@Test
	void deactivatingAUserOnTheUsersPageMakesTheirTokenFail() {
		Member member = this.tenant.anotherAdmin();
		signInAsTheAdmin();
		this.browser.open("/");
		this.browser.find(By.cssSelector("#admin-tile summary")).click();
		this.browser.find(By.linkText("Users")).click();

		WebElement tokensCell = userRow(member.user().username()).findElement(By.cssSelector("td:nth-child(5)"));
		assertThat(tokensCell.getText()).isEqualTo("1 / 10");
		userAction(member.user().username(), "Deactivate");

		assertThat(this.api.get("/api/v1/me", member.token()).status()).isEqualTo(401);
		assertThat(userRow(member.user().username()).getText()).contains("Deactivated");
	}

	@Test
	void signingOutRevokesTheUsersTokensWhenThePolicyIsOn() {
		signInAsTheAdmin();

		String note = this.browser.find(By.id("signout-note")).getText();
		signOut(true);

		assertThat(note).contains("Signing out revokes your 1 active API token");
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(401);
		assertThat(ownTokens()).extracting((view) -> view.token().statusReason(java.time.Instant.now()))
			.containsOnly(StatusReason.LOGOUT);
	}

	@Test
	void signingOutKeepsTheTokensWhenThePolicyIsOff() {
		signInAsTheAdmin();
		this.browser.open("/admin/settings");
		WebElement revoke = this.browser.find(By.id("revoke-on-logout"));
		assertThat(revoke.isSelected()).isTrue();
		revoke.click();
		this.browser.find(By.id("save-settings")).click();
		this.browser.waitFor(By.cssSelector("[role=status]"));

		boolean noteShown = !this.browser.findAll(By.id("signout-note")).isEmpty();
		signOut(false);

		assertThat(noteShown).isFalse();
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void aStateChangingPostWithoutTheCsrfTokenIsRefused() {
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");
		String tokenId = row("bootstrap").getAttribute("data-token-id");

		long create = this.browser.fetchStatus("POST", "/admin/api-tokens", "name=forged");
		long revoke = this.browser.fetchStatus("POST", "/admin/api-tokens/" + tokenId + "/revoke", "");
		long logout = this.browser.fetchStatus("POST", "/logout", "");

		assertThat(create).isEqualTo(403);
		assertThat(revoke).isEqualTo(403);
		assertThat(logout).isEqualTo(403);
		assertThat(ownTokens()).extracting((view) -> view.token().name().value()).containsExactly("bootstrap");
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void theAuditLogShowsTheSignIn() {
		signInAsTheAdmin();
		this.browser.open("/admin/audit");

		this.browser.find(By.id("audit-type")).sendKeys("LOGIN");
		this.browser.find(By.cssSelector("form.filters button[type=submit]")).click();
		this.browser.waitFor(ExpectedConditions.urlContains("type=LOGIN"));

		List<WebElement> rows = this.browser.findAll(By.cssSelector("#audit tbody tr[data-type]"));
		assertThat(rows).isNotEmpty().allSatisfy((row) -> assertThat(row.getAttribute("data-type")).isEqualTo("LOGIN"));
		assertThat(rows.get(0).getText()).contains(this.tenant.admin().username()).contains("127.0.0.1");
	}

	/** Creates a token through the dialog and returns the secret it shows. */
	private String createToken(String name) {
		this.browser.find(By.id("create-token-button")).click();
		this.browser.waitFor(By.id("token-name"));
		this.browser.type(By.id("token-name"), name);
		this.browser.type(By.id("token-description"), "made in the browser test");
		this.browser.find(By.id("create-token-submit")).click();
		WebElement secret = this.browser.waitFor(By.id("token-secret"));
		return secret.getAttribute("value");
	}

	private WebElement row(String tokenName) {
		return this.browser.find(By.cssSelector("tr[data-token-name='" + tokenName + "']"));
	}

	private void rowAction(String tokenName, String label) {
		row(tokenName).findElement(By.linkText(label)).click();
		confirm(label);
	}

	private WebElement userRow(String username) {
		return this.browser.find(By.cssSelector("tr[data-username='" + username + "']"));
	}

	private void userAction(String username, String label) {
		userRow(username).findElement(By.linkText(label)).click();
		confirm(label);
	}

	private void signOut(boolean expectQuestion) {
		this.browser.find(By.cssSelector("form.signout button")).click();
		if (expectQuestion) {
			this.browser.waitFor(By.id("confirm-button")).click();
		}
		this.browser.waitFor(ExpectedConditions.urlContains("/login?logout"));
	}

	private List<TokenView> ownTokens() {
		return this.tokens.listOwnedBy(Actor.user(this.tenant.admin().id(), this.tenant.admin().username(),
				this.tenant.organisation().id(), Role.ORG_ADMIN, null), this.tenant.admin().id());
	}

}
