package dev.latchkey.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The console as a plain HTTP client sees it: a cookie jar, no redirects followed, and
 * forms posted with the CSRF token of the last page read (or without one, on purpose). A
 * client can connect from another loopback address (Linux answers on all of
 * {@code 127.0.0.0/8}), which the server sees as another client address, and can carry
 * its cookies to another instance, as a browser behind a load balancer does.
 */
public final class ConsoleClient {

	/** The name of the console's session cookie. */
	public static final String SESSION_COOKIE = "SESSION";

	private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies;

	private final @Nullable InetAddress from;

	private final HttpClient client;

	private @Nullable String csrf;

	public ConsoleClient(int port) {
		this(port, null, new CookieManager());
	}

	/** A client connecting from the given loopback address, e.g. {@code 127.0.0.5}. */
	public ConsoleClient(int port, String fromAddress) {
		this(port, address(fromAddress), new CookieManager());
	}

	private ConsoleClient(int port, @Nullable InetAddress from, CookieManager cookies) {
		this.base = "http://127.0.0.1:" + port;
		this.cookies = cookies;
		this.from = from;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10));
		if (from != null) {
			builder.localAddress(from);
		}
		this.client = builder.build();
	}

	/**
	 * The same browser (same cookie jar, same address) talking to the instance on another
	 * port.
	 */
	public ConsoleClient onInstance(int port) {
		return new ConsoleClient(port, this.from, this.cookies);
	}

	/** A fresh client presenting the given session cookie, e.g. one copied earlier. */
	public static ConsoleClient presenting(int port, String sessionId) {
		ConsoleClient client = new ConsoleClient(port);
		HttpCookie cookie = new HttpCookie(SESSION_COOKIE, sessionId);
		cookie.setPath("/");
		cookie.setVersion(0);
		client.cookies.getCookieStore().add(URI.create(client.base), cookie);
		return client;
	}

	public ApiResponse get(String path) {
		ApiResponse response = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	/** Posts a form with the CSRF token of the last page read. */
	public ApiResponse post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (this.csrf != null) {
			fields.put("_csrf", this.csrf);
		}
		return postWithout(path, fields);
	}

	/** Posts a form exactly as given: no CSRF token unless the caller adds one. */
	public ApiResponse postWithout(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body)));
	}

	/** Signs in and returns the response to the login form. */
	public ApiResponse signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public @Nullable String sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> SESSION_COOKIE.equals(cookie.getName()))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private ApiResponse send(HttpRequest.Builder request) {
		try {
			var response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
			return new ApiResponse(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
