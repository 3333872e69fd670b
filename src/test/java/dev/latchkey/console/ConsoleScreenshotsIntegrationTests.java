package dev.latchkey.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Role;
import dev.latchkey.testing.Api;
import dev.latchkey.testing.Browser;
import dev.latchkey.testing.TestClock;
import dev.latchkey.testing.TestDatabase;
import dev.latchkey.token.IssuedToken;
import dev.latchkey.token.LastUses;
import dev.latchkey.token.NewToken;
import dev.latchkey.token.ScopeManagement;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Makes the screenshots of docs/console.md and the README. Runs only when asked, with the
 * target folder as {@code latchkey.screenshots}:
 *
 * <pre>
 * ./mvnw verify -Dit.test=ConsoleScreenshotsIntegrationTests -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dlatchkey.screenshots=docs/screenshots
 * </pre>
 */
@TestPropertySource(
		properties = { "latchkey.scheduling.enabled=true", "latchkey.tokens.last-used-flush-interval=200ms" })
class ConsoleScreenshotsIntegrationTests extends ConsoleBrowserTest {

	static final String PASSWORD = "screenshot password";

	@Autowired
	OrganisationManagement organisations;

	@Autowired
	UserManagement users;

	@Autowired
	TokenManagement tokens;

	@Autowired
	ScopeManagement scopes;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	@Test
	void screenshotsOfTheConsole() throws Exception {
		String target = System.getProperty("latchkey.screenshots");
		assumeTrue(target != null && !target.isBlank() && !TestDatabase.isPostgres(),
				"screenshots are made on request only: -Dlatchkey.screenshots=<folder>");
		Path folder = Path.of(target);
		User alice = exampleOrganisation();

		Browser browser = this.browser;
		browser.viewport(1280, 800, false);
		browser.signIn(alice.username(), PASSWORD);
		browser.find(By.cssSelector("#admin-tile summary")).click();
		browser.screenshot(folder.resolve("home.png"));
		browser.open("/admin/api-tokens");
		browser.screenshot(folder.resolve("api-tokens.png"));
		browser.find(By.id("create-token-button")).click();
		browser.type(By.id("token-name"), "staging-smoke-tests");
		browser.type(By.id("token-description"), "Nightly smoke tests against staging");
		browser.find(By.id("token-scope-api")).click();
		browser.find(By.id("token-scope-read_api")).click();
		browser.type(By.id("token-allowed-ips"), "198.51.100.0/24\n2001:db8:42::/48");
		browser.screenshot(folder.resolve("create-token-form.png"));
		browser.driver()
			.executeScript("document.querySelector('#create-token .scope-choices').scrollIntoView({block: 'start'})");
		browser.type(By.id("token-allowed-ips"), "198.51.100.0/24\n2001:db8:42::/48\nstaging.example.com");
		browser.driver()
			.executeScript("document.getElementById('token-allowed-ips').scrollIntoView({block: 'center'})");
		browser.screenshot(folder.resolve("create-token-allowlist-hint.png"));
		browser.type(By.id("token-allowed-ips"), "198.51.100.0/24\n2001:db8:42::/48");
		browser.find(By.id("create-token-submit")).click();
		browser.waitFor(By.id("token-secret"));
		browser.find(By.id("copy-token")).click();
		browser.screenshot(folder.resolve("create-token-dialog.png"));
		browser.find(By.id("token-created-done")).click();
		browser.waitFor(By.id("tokens"));
		browser.find(By.cssSelector("tr[data-token-name='grafana-export']")).findElement(By.linkText("Revoke")).click();
		browser.waitFor(By.id("confirm-button"));
		browser.screenshot(folder.resolve("revoke-confirmation.png"));
		browser.open("/admin/api-tokens");
		browser.find(By.cssSelector("tr[data-token-name='ci-deploy'] [data-row-action=rotate]")).click();
		browser.waitFor(By.id("confirm-choice"));
		browser.screenshot(folder.resolve("rotate-dialog.png"));
		browser.find(By.id("confirm-button")).click();
		browser.waitFor(By.id("token-secret"));
		browser.screenshot(folder.resolve("rotate-secret.png"));
		browser.find(By.id("token-created-done")).click();
		browser.waitFor(By.id("tokens"));
		browser.find(By.cssSelector("tr[data-token-name='ci-deploy']"))
			.findElement(By.linkText("30-day usage"))
			.click();
		browser.waitFor(By.id("usage-chart"));
		browser.screenshot(folder.resolve("usage-chart.png"));
		browser.open("/admin/api-tokens");
		browser.find(By.cssSelector("tr[data-token-name='ci-deploy']")).findElement(By.linkText("Edit")).click();
		browser.waitFor(By.id("edit-token"));
		browser.find(By.id("edit-scope-api")).click();
		browser.find(By.id("edit-scope-deploy")).click();
		browser.screenshot(folder.resolve("edit-token.png"));
		browser.open("/admin/scopes");
		browser.screenshot(folder.resolve("scopes.png"));
		browser.open("/admin/users");
		browser.screenshot(folder.resolve("users.png"));
		browser.open("/admin/audit");
		browser.screenshot(folder.resolve("audit-log.png"));
		browser.open("/admin/settings");
		browser.screenshot(folder.resolve("settings.png"));
		browser.viewport(390, 844, true);
		browser.open("/admin/api-tokens");
		browser.screenshot(folder.resolve("phone-api-tokens.png"));
	}

	/** An organisation that looks lived in: a few users and tokens in every state. */
	private User exampleOrganisation() throws InterruptedException {
		Actor operator = Actor.operator();
		Organisation acme = this.organisations.create(operator, "acme", 10);
		User alice = user(acme, "alice", "Alice Martin", Role.ORG_ADMIN, true);
		User bob = user(acme, "bob", "Bob Chen", Role.ORG_ADMIN, true);
		user(acme, "carol", "Carol Diaz", Role.USER, true);
		User dave = user(acme, "dave", null, Role.USER, false);
		Actor actingAlice = Actor.user(alice.id(), alice.username(), acme.id(), Role.ORG_ADMIN, "192.0.2.10");

		this.scopes.define(actingAlice, "deploy", "Starts deployments through the release API");
		this.scopes.define(actingAlice, "metrics:read", "Reads dashboards and metrics exports");
		this.tokens.issueFor(operator, bob.id(),
				new NewToken("old-migration", "One-off data migration", 7, null, null, null));
		this.clock.advance(Duration.ofDays(9));
		IssuedToken deploy = this.tokens.issueFor(operator, alice.id(),
				new NewToken("ci-deploy", "Deploys from the build pipeline", 90, null, List.of("api"),
						List.of("127.0.0.1", "203.0.113.0/24", "2001:db8:7::/48")));
		useDaily(deploy.secret().reveal());
		IssuedToken grafana = this.tokens.issueFor(operator, alice.id(), new NewToken("grafana-export",
				"Dashboards export", 30, null, List.of("metrics:read", "read_api"), List.of("127.0.0.1")));
		IssuedToken terraform = this.tokens.issueFor(operator, alice.id(),
				new NewToken("terraform", null, 365, null, null, null));
		IssuedToken release = this.tokens.issueFor(operator, bob.id(),
				new NewToken("release-bot", "Tags and publishes releases", 180, null, List.of("deploy"), null));
		this.tokens.revoke(actingAlice, terraform.view().token().id());
		Api api = new Api(this.port);
		api.get("/api/v1/me", deploy.secret().reveal());
		api.get("/api/v1/me", grafana.secret().reveal());
		api.get("/api/v1/me", release.secret().reveal());
		this.users.deactivate(actingAlice, dave.id());
		Thread.sleep(1000);
		return alice;
	}

	/**
	 * A month of a build pipeline's calls, a day at a time, for the usage chart: busy on
	 * working days, quiet at weekends, a release day, and a few days without a call.
	 */
	private void useDaily(String secret) {
		int[] calls = { 14, 9, 0, 0, 21, 17, 25, 12, 30, 2, 0, 18, 22, 16, 64, 27, 0, 0, 11, 19, 23, 15, 20, 1, 0, 26,
				31, 12, 17 };
		Api api = new Api(this.port);
		for (int day : calls) {
			for (int i = 0; i < day; i++) {
				api.get("/api/v1/me", secret);
			}
			LastUses.flush(this.context);
			this.clock.advance(Duration.ofDays(1));
		}
	}

	private User user(Organisation organisation, String username, String displayName, Role role, boolean licensed) {
		return this.users.create(Actor.operator(), organisation.id(), new NewUser(username, PASSWORD, role, licensed,
				(displayName != null) ? username + "@acme.example" : null, displayName));
	}

}
