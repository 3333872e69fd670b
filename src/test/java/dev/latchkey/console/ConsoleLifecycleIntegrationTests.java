package dev.latchkey.console;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.SecretCanary;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TestClock;
import dev.latchkey.token.LastUses;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotate and Usage (SPEC §9) in the console, in a real browser against the real server:
 * the rotate confirmation with its overlap, the new secret shown once, what the API then
 * answers to the old and the new secret, and the usage chart against real counts.
 */
class ConsoleLifecycleIntegrationTests extends ConsoleBrowserTest {

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	@Test
	void rotatingShowsTheNewSecretOnceAndTheOldOneWorksUntilTheOverlapEnds() {
		// given
		String old = this.tenant.adminToken();
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");
		String hint = row("bootstrap").findElement(By.cssSelector("code")).getText();

		// when
		openTheRotateConfirmation("bootstrap");
		Select overlap = new Select(this.browser.find(By.id("confirm-choice")));
		String chosen = overlap.getFirstSelectedOption().getText();
		String secret = rotate();
		String dialog = this.browser.find(By.id("token-created")).getText();
		closeTheSecretDialog();

		// then
		assertThat(chosen).startsWith("for 24 hours, until").endsWith("(default)");
		assertThat(dialog).contains("Token rotated")
			.contains("has a new secret")
			.contains("The old secret keeps working until")
			.contains("This token will not be shown again");
		assertThat(secret).isNotEqualTo(old).startsWith("lkp_");
		assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/me", old).status()).isEqualTo(200);
		assertThat(row("bootstrap").findElement(By.cssSelector("code")).getText()).isNotEqualTo(hint);
		theSecretIsOnNoPage(secret);
		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		assertThat(this.api.get("/api/v1/me", old).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(200);
	}

	@Test
	void rotatingWithoutOverlapEndsTheOldSecretAtOnce() {
		// given
		String old = this.tenant.adminToken();
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");

		// when
		openTheRotateConfirmation("bootstrap");
		new Select(this.browser.find(By.id("confirm-choice"))).selectByValue("0");
		String secret = rotate();
		String dialog = this.browser.find(By.id("token-created")).getText();
		closeTheSecretDialog();

		// then
		assertThat(dialog).contains("The old secret no longer works.");
		assertThat(this.api.get("/api/v1/me", old).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(200);
		theSecretIsOnNoPage(secret);
	}

	@Test
	void aTokenRevokedWhileTheConfirmationIsOpenIsNotRotatedAndTheListSaysWhy() {
		// given
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");
		String id = row("bootstrap").getAttribute("data-token-id");
		openTheRotateConfirmation("bootstrap");
		assertThat(this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null).status())
			.isEqualTo(200);

		// when
		submitAndWaitForTheNextPage(By.id("confirm-button"));

		// then
		String error = this.browser.waitFor(By.cssSelector(".messages [role=alert]")).getText();
		assertThat(error).contains("“bootstrap” was not rotated: it is no longer active");
		assertThat(this.browser.findAll(By.id("token-secret"))).isEmpty();
		assertThat(this.browser.path()).isEqualTo("/admin/api-tokens");
		assertThat(row("bootstrap").findElements(By.cssSelector("[data-row-action=rotate]"))).isEmpty();
		this.browser.open("/admin/audit");
		assertThat(this.browser.source()).doesNotContain("token.rotated");
	}

	@Test
	void revokedTokensOfferNoRotateAndActiveOnesDo() {
		// given
		Tenant.Member member = this.tenant.anotherAdmin();
		String memberTokenId = this.api.get("/api/v1/me", member.token()).json().get("token").get("id").asString();
		this.api.post("/api/v1/tokens/" + memberTokenId + "/revoke", this.tenant.adminToken(), null);
		signInAsTheAdmin();

		// when
		this.browser.open("/admin/api-tokens");

		// then
		assertThat(actions("bootstrap")).containsExactly("Edit", "Rotate", "Revoke", "Delete");
		assertThat(actions("member")).containsExactly("Edit", "Re-approve", "Delete");
		assertThat(this.browser.fetchStatus("GET", "/admin/api-tokens/" + memberTokenId + "/rotate", null))
			.isEqualTo(404);
	}

	@Test
	void anAdminOfAnotherOrganisationCannotRotateOrChartATokenHere() {
		// given
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");
		String id = row("bootstrap").getAttribute("data-token-id");
		this.browser.driver().manage().deleteAllCookies();
		Tenant other = this.fixtures.tenant();
		this.browser.signIn(other.admin().username(), Fixtures.PASSWORD);
		this.browser.open("/admin/api-tokens");

		// when
		long confirmation = this.browser.fetchStatus("GET", "/admin/api-tokens/" + id + "/rotate", null);
		long rotation = postWithCsrf("/admin/api-tokens/" + id + "/rotate", "overlapHours=0");
		long usage = this.browser.fetchStatus("GET", "/admin/api-tokens/" + id + "/usage", null);

		// then
		assertThat(confirmation).isEqualTo(404);
		assertThat(rotation).isEqualTo(404);
		assertThat(usage).isEqualTo(404);
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void aGeneralUserIsRefusedRotateAndUsage() {
		// given
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");
		String id = row("bootstrap").getAttribute("data-token-id");
		this.browser.driver().manage().deleteAllCookies();
		User user = this.tenant.user(true);
		this.browser.signIn(user.username(), Fixtures.PASSWORD);

		// when
		long confirmation = this.browser.fetchStatus("GET", "/admin/api-tokens/" + id + "/rotate", null);
		long rotation = postWithCsrf("/admin/api-tokens/" + id + "/rotate", "overlapHours=0");
		long usage = this.browser.fetchStatus("GET", "/admin/api-tokens/" + id + "/usage", null);

		// then
		assertThat(confirmation).isEqualTo(403);
		assertThat(rotation).isEqualTo(403);
		assertThat(usage).isEqualTo(403);
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void rotatingWithoutTheCsrfTokenIsRefused() {
		// given
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");
		String id = row("bootstrap").getAttribute("data-token-id");

		// when
		long rotation = this.browser.fetchStatus("POST", "/admin/api-tokens/" + id + "/rotate", "overlapHours=0");

		// then
		assertThat(rotation).isEqualTo(403);
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void theUsageChartShowsTheRequestsOfTodayAmongThirtyDays() {
		// given
		for (int i = 0; i < 7; i++) {
			assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
		}
		LastUses.flush(this.context);
		String today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toString();
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");

		// when
		row("bootstrap").findElement(By.linkText("30-day usage")).click();
		this.browser.waitFor(By.id("usage-chart"));

		// then
		List<WebElement> bars = this.browser.findAll(By.cssSelector("#usage-chart rect.usage-bar"));
		assertThat(bars).hasSize(30);
		assertThat(bars.get(29).getAttribute("data-date")).isEqualTo(today);
		assertThat(bars.get(29).getAttribute("data-requests")).isEqualTo("7");
		assertThat(Double.parseDouble(bars.get(29).getAttribute("height"))).isPositive();
		assertThat(bars.subList(0, 29)).allSatisfy((bar) -> assertThat(bar.getAttribute("height")).isEqualTo("0.0"));
		assertThat(this.browser.find(By.id("usage-total")).getText()).startsWith("7 authenticated requests from");
		assertThat(this.browser.find(By.cssSelector("#usage-chart [data-axis-max]")).getText()).isEqualTo("10");
		assertThat(this.browser.find(By.id("usage-chart-desc")).getAttribute("textContent")).contains("7 requests")
			.contains(today);
		assertThat(this.browser.find(By.cssSelector("#usage-table tr[data-date='" + today + "']"))
			.getAttribute("textContent")).contains("7");
		assertThat(this.browser.findAll(By.cssSelector("#usage-table tbody tr"))).hasSize(30);
		assertThat(this.browser.find(By.tagName("title")).getAttribute("textContent"))
			.isEqualTo("Token usage · Latchkey");
	}

	@Test
	void theNewPagesKeepTheStrictPolicyAndTheRotatedSecretIsNeverStored() {
		// given
		signInAsTheAdmin();
		this.browser.open("/admin/api-tokens");
		String id = row("bootstrap").getAttribute("data-token-id");

		// when
		String confirmation = fetch("GET", "/admin/api-tokens/" + id + "/rotate", null);
		String usage = fetch("GET", "/admin/api-tokens/" + id + "/usage", null);
		String rotation = fetch("POST", "/admin/api-tokens/" + id + "/rotate", "overlapHours=1");

		// then
		for (String page : List.of(confirmation, usage, rotation)) {
			assertThat(page).startsWith("200|")
				.contains("script-src 'self'")
				.contains("style-src 'self'")
				.doesNotContain("unsafe-inline")
				.doesNotContainPattern("<script(?![^>]*\\bsrc=)")
				.doesNotContain(" style=")
				.doesNotContain(" onclick=");
		}
		assertThat(rotation).contains("|no-store|").contains("Token rotated").contains("id=\"token-secret\"");
		Matcher secret = Pattern.compile("id=\"token-secret\"[^>]* value=\"(lkp_[0-9A-Za-z]+)\"").matcher(rotation);
		assertThat(secret.find()).isTrue();
		SecretCanary.issued(secret.group(1));
	}

	private void openTheRotateConfirmation(String tokenName) {
		row(tokenName).findElement(By.cssSelector("[data-row-action=rotate]")).click();
		this.browser.waitFor(By.id("confirm-choice"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Rotate token “" + tokenName + "”?");
	}

	/** Confirms the rotation and reads the new secret from its dialog. */
	private String rotate() {
		submitAndWaitForTheNextPage(By.id("confirm-button"));
		String secret = this.browser.waitFor(By.id("token-secret")).getAttribute("value");
		// the suite's canary then searches the logs and the database for it
		SecretCanary.issued(secret);
		return secret;
	}

	private void closeTheSecretDialog() {
		this.browser.find(By.id("token-created-done")).click();
		this.browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.id("token-created"), 0));
		this.browser.waitFor(By.id("tokens"));
	}

	/**
	 * The new secret is on no page: not after a reload or going back, nor on the list,
	 * the audit trail, or any token's pages.
	 */
	private void theSecretIsOnNoPage(String secret) {
		this.browser.driver().navigate().refresh();
		this.browser.waitFor(By.id("tokens"));
		assertThat(this.browser.source()).as("reload").doesNotContain(secret);
		this.browser.driver().navigate().back();
		this.browser.waitFor(By.tagName("h1"));
		assertThat(this.browser.source()).as("back").doesNotContain(secret);
		for (String path : List.of("/admin/api-tokens", "/admin/audit", "/")) {
			this.browser.open(path);
			assertThat(this.browser.source()).as(path).doesNotContain(secret);
		}
		this.browser.open("/admin/api-tokens");
		List<String> ids = this.browser.findAll(By.cssSelector("#tokens tr[data-token-id]"))
			.stream()
			.map((row) -> row.getAttribute("data-token-id"))
			.toList();
		for (String id : ids) {
			for (String page : List.of("/edit", "/usage", "/rotate")) {
				this.browser.open("/admin/api-tokens/" + id + page);
				assertThat(this.browser.source()).as(id + page).doesNotContain(secret);
			}
		}
	}

	/**
	 * A form post the way the page's own forms send it, with the session's CSRF token.
	 */
	private long postWithCsrf(String path, String formBody) {
		return ((Number) this.browser.await("fetch('" + path + "', {method: 'POST', redirect: 'manual', "
				+ "headers: {'Content-Type': 'application/x-www-form-urlencoded'}, "
				+ "body: document.querySelector('meta[name=\"csrf-parameter\"]').content + '=' "
				+ "+ encodeURIComponent(document.querySelector('meta[name=\"csrf-token\"]').content) + '&" + formBody
				+ "'}).then((r) => r.status)"))
			.longValue();
	}

	/**
	 * A request from the page, with the session's CSRF token on a POST: "status|cache
	 * control|content security policy|body", redirects not followed.
	 */
	private String fetch(String method, String path, String formBody) {
		String body = (formBody != null)
				? "body: document.querySelector('meta[name=\"csrf-parameter\"]').content + '=' "
						+ "+ encodeURIComponent(document.querySelector('meta[name=\"csrf-token\"]').content) + '&"
						+ formBody + "', "
				: "";
		return (String) this.browser.await("fetch('" + path + "', {method: '" + method + "', redirect: 'manual', "
				+ "headers: {'Content-Type': 'application/x-www-form-urlencoded'}, " + body + "})"
				+ ".then((r) => r.text().then((text) => r.status + '|' + r.headers.get('Cache-Control') + '|' "
				+ "+ r.headers.get('Content-Security-Policy') + '|' + text))");
	}

	private List<String> actions(String tokenName) {
		return row(tokenName).findElements(By.cssSelector(".row-actions a")).stream().map(WebElement::getText).toList();
	}

	private WebElement row(String tokenName) {
		return this.browser.find(By.cssSelector("tr[data-token-name='" + tokenName + "']"));
	}

}
