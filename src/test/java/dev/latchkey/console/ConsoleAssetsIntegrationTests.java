package dev.latchkey.console;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's stylesheet, script and icon: linked by fingerprinted addresses that are
 * cached for a year, served without a session, while pages stay uncached.
 */
class ConsoleAssetsIntegrationTests extends TenantIntegrationTests {

	private static final Pattern ASSET = Pattern
		.compile("(?:href|src)=\"(/(?:css/|js/)?[a-z]+-[0-9a-f]{32}\\.(?:css|js|svg))\"");

	@Autowired
	JdbcClient jdbc;

	@Test
	void pagesLinkFingerprintedAssetsThatAreCachedForAYear() {
		ApiResponse login = this.api.get("/login", null);

		List<String> assets = fingerprinted(login.body());
		assertThat(assets).hasSize(3).anyMatch((a) -> a.endsWith(".css")).anyMatch((a) -> a.endsWith(".js"));
		assertThat(login.header("Cache-Control")).contains("no-store");
		for (String asset : assets) {
			ApiResponse response = this.api.get(asset, null);
			assertThat(response.status()).as(asset).isEqualTo(200);
			assertThat(response.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		}
	}

	@Test
	void eachFingerprintedAssetIsTheSameFileThePlainAddressServes() {
		for (String asset : fingerprinted(this.api.get("/login", null).body())) {
			ApiResponse fingerprinted = this.api.get(asset, null);
			ApiResponse plain = this.api.get(asset.replaceAll("-[0-9a-f]{32}", ""), null);

			assertThat(fingerprinted.body()).as(asset).isEqualTo(plain.body()).isNotEmpty();
			assertThat(fingerprinted.header("Content-Type")).as(asset).isEqualTo(plain.header("Content-Type"));
			assertThat(fingerprinted.header("Content-Security-Policy"))
				.isEqualTo(plain.header("Content-Security-Policy"));
			assertThat(fingerprinted.header("X-Frame-Options")).isEqualTo("DENY");
		}
	}

	@Test
	void aHeadRequestGetsTheHeadersAndNoBody() {
		String icon = fingerprinted(this.api.get("/login", null).body()).stream()
			.filter((a) -> a.endsWith(".svg"))
			.findFirst()
			.orElseThrow();

		ApiResponse head = this.api.send(this.api.raw(icon).method("HEAD", HttpRequest.BodyPublishers.noBody()));

		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThat(head.body()).isEmpty();
	}

	@Test
	void thePlainAddressStillAnswersButIsRevalidated() {
		ApiResponse plain = this.api.get("/css/console.css", null);

		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.header("Cache-Control")).isEqualTo("no-cache");
	}

	@Test
	void aFingerprintThatIsNotTheContentsIsNotFound() {
		String stylesheet = fingerprinted(this.api.get("/login", null).body()).stream()
			.filter((a) -> a.endsWith(".css"))
			.findFirst()
			.orElseThrow();

		ApiResponse wrong = this.api.get(stylesheet.replaceAll("-[0-9a-f]{32}", "-" + "0".repeat(32)), null);
		ApiResponse elsewhere = this.api.get(stylesheet.replace("/css/", "/js/"), null);

		assertThat(wrong.status()).isEqualTo(404);
		assertThat(elsewhere.status()).isEqualTo(404);
		assertThat(wrong.header("Cache-Control")).isNull();
	}

	@Test
	void assetsNeverStartOrReadASession() {
		long sessions = sessionCount();
		List<String> assets = fingerprinted(this.api.get("/login", null).body());
		long afterPage = sessionCount();

		for (String asset : assets) {
			ApiResponse response = this.api
				.send(this.api.raw(asset).header("Cookie", "SESSION=bm90LWEtc2Vzc2lvbg").GET());
			assertThat(response.header("Set-Cookie")).as(asset).isNull();
		}

		assertThat(sessionCount()).isEqualTo(afterPage);
		assertThat(afterPage).isGreaterThanOrEqualTo(sessions);
	}

	private long sessionCount() {
		return this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	private static List<String> fingerprinted(String page) {
		Matcher matcher = ASSET.matcher(page);
		return matcher.results().map((result) -> result.group(1)).distinct().toList();
	}

}
