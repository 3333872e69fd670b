package dev.latchkey.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver; never a browser or
 * driver downloaded by Selenium Manager. One browser per test, with a fresh profile.
 *
 * <p>
 * As a JUnit condition: without {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} the browser tests are skipped with a loud message, except
 * in CI ({@code CI=true}), where they fail.
 */
public final class Browser implements AutoCloseable {

	public static final File CHROMIUM = new File("/usr/bin/chromium");

	public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final String base;

	private final Path profile;

	public Browser(int port) {
		try {
			this.profile = Files.createTempDirectory("latchkey-chromium-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		this.base = "http://127.0.0.1:" + port;
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public Browser open(String path) {
		this.driver.get(this.base + path);
		return this;
	}

	public Browser signIn(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		this.driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
		waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return this;
	}

	public void type(By field, String text) {
		WebElement element = this.driver.findElement(field);
		element.clear();
		element.sendKeys(text);
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	public WebElement waitFor(By by) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/**
	 * Waits until the condition holds. An element that a navigation detaches while it is
	 * being looked at is looked up again rather than failing the test.
	 */
	public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(15))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.until(condition);
	}

	public String source() {
		return this.driver.getPageSource();
	}

	public String path() {
		return this.driver.getCurrentUrl().substring(this.base.length());
	}

	/** Runs a script in the page and waits for the promise it returns. */
	public Object await(String promiseExpression) {
		return this.driver.executeAsyncScript("const done = arguments[arguments.length - 1]; Promise.resolve("
				+ promiseExpression + ").then(done, (e) => done('error: ' + e));");
	}

	/** The status of a request the page makes with its own cookies. */
	public long fetchStatus(String method, String path, String formBody) {
		return ((Number) await("fetch('" + path + "', {method: '" + method
				+ "', headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: "
				+ ((formBody != null) ? "'" + formBody + "'" : "undefined")
				+ ", redirect: 'manual'}).then(r => r.status)"))
			.longValue();
	}

	/** Lets the page use the clipboard without a user gesture prompt. */
	public void grantClipboard() {
		this.driver.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", this.base, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
	}

	/** Makes the page area exactly this size, whatever the window around it. */
	public void viewport(int width, int height, boolean mobile) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	public void screenshot(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// a leftover temporary profile is harmless
			}
		}
	}

	/** Skips (loudly) or, in CI, fails browser tests when Chromium is not installed. */
	public static final class Available implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (CHROMIUM.canExecute() && CHROMEDRIVER.canExecute()) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
			}
			String message = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER
					+ ") is missing; install them with: apt-get install -y chromium chromium-driver";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + " (CI requires the browser tests)");
			}
			System.err.println();
			System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
			System.err.println("!!! SKIPPING " + context.getDisplayName() + ": " + message);
			System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
			return ConditionEvaluationResult.disabled("SKIPPED LOUDLY: " + message);
		}

	}

}
