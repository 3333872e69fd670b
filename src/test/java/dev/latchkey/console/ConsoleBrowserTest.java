package dev.latchkey.console;

import dev.latchkey.testing.Api;
import dev.latchkey.testing.Browser;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.IntegrationTest;
import dev.latchkey.testing.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every console test in a real browser starts from: the whole application, a new
 * organisation of its own, the API beside it, and a fresh headless Chromium that is
 * closed after each test. Without Chromium the tests are skipped loudly (failed in CI).
 */
@IntegrationTest
@ExtendWith(Browser.Available.class)
abstract class ConsoleBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Api api;

	Tenant tenant;

	Browser browser;

	@BeforeEach
	void openABrowser() {
		this.api = new Api(this.port);
		this.tenant = this.fixtures.tenant();
		this.browser = new Browser(this.port);
	}

	@AfterEach
	void closeTheBrowser() {
		this.browser.close();
	}

	void signInAsTheAdmin() {
		this.browser.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);
	}

	/** Opens an admin page the way a user does: the Admin tile, then its link. */
	void openFromTheAdminTile(String link, String path) {
		this.browser.find(By.cssSelector("#admin-tile summary")).click();
		this.browser.waitFor(By.cssSelector("#admin-tile")).findElement(By.linkText(link)).click();
		this.browser.waitFor(ExpectedConditions.urlContains(path));
		this.browser.waitFor(By.tagName("h1"));
		assertThat(this.browser.path()).isEqualTo(path);
	}

	/**
	 * Confirms a row action on the confirmation page and waits for the list's message.
	 */
	void confirm(String label) {
		WebElement button = this.browser.waitFor(By.id("confirm-button"));
		assertThat(button.getText()).isEqualTo(label);
		submitAndWaitForTheNextPage(By.id("confirm-button"));
		this.browser.waitFor(By.cssSelector(".messages [role=status], .messages [role=alert]"));
	}

	/**
	 * Clicks and waits until the page it was on is gone, so no answer of the old page is
	 * read.
	 */
	void submitAndWaitForTheNextPage(By button) {
		WebElement page = this.browser.find(By.tagName("html"));
		this.browser.find(button).click();
		this.browser.waitFor(ExpectedConditions.stalenessOf(page));
	}

}
