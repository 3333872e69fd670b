package dev.latchkey.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret the test suite is handed (tokens issued through fixtures or the API,
 * client secrets, the fixtures' password), so that the canary can search the logs and the
 * database for them at the end of the run.
 */
public final class SecretCanary {

	private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

	private static final Pattern IN_RESPONSE = Pattern
		.compile("\"(?:token|clientSecret)\"\\s*:\\s*\"((?:lkp_|lkcs_)[0-9A-Za-z]+)\"");

	static {
		SECRETS.add(Fixtures.PASSWORD);
	}

	private SecretCanary() {
	}

	public static void issued(String secret) {
		SECRETS.add(secret);
	}

	/** Remembers the secrets in a response body that hands them out. */
	static void scan(String body) {
		Matcher matcher = IN_RESPONSE.matcher(body);
		while (matcher.find()) {
			SECRETS.add(matcher.group(1));
		}
	}

	public static Set<String> secrets() {
		return Set.copyOf(SECRETS);
	}

	/**
	 * The forms a leak could take: raw, URL-encoded, Base64 (also as part of Basic
	 * credentials).
	 */
	public static List<String> forms(String secret) {
		return List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
				Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
				Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
	}

}
