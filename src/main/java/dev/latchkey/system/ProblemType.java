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

	/**
	 * Where every problem type of Latchkey lives, whoever writes the problem (the API's
	 * advice, the authentication filters, the console).
	 */
	public static final String BASE_URI = "https://latchkey.dev/problems/";

	public URI uri() {
		return uri(this.slug);
	}

	/** The type URI of a slug, for problems written without a {@link ProblemType}. */
	public static URI uri(String slug) {
		return URI.create(BASE_URI + slug);
	}

}
