package dev.latchkey.system;

import java.net.URI;

/**
 * A stable kind of error, as the {@code type} of an RFC 9457 problem detail.
 *
 * @param slug the stable name, e.g. {@code token-limit-reached}
 * @param status the HTTP status it answers with
 * @param title a short human-readable summary that does not change between occurrences
 */
public record ProblemType(String slug, int status, String title) {

	private static final String BASE = "https://latchkey.dev/problems/";

	public URI uri() {
		return URI.create(BASE + this.slug);
	}

}
