package dev.latchkey.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a request carries its token: {@code Authorization: Bearer <token>} (the scheme is
 * case-insensitive, RFC 7235) or, for clients of the modelled product,
 * {@code token: <token>}.
 */
public final class BearerTokens {

	static final String TOKEN_HEADER = "token";

	private static final String BEARER = "bearer ";

	private BearerTokens() {
	}

	/**
	 * The presented token, from whichever of the two headers carries it; a request with
	 * both never gets this far ({@link SingleCredentialFilter}).
	 */
	public static @Nullable String from(HttpServletRequest request) {
		String bearer = fromAuthorization(request);
		return (bearer != null) ? bearer : fromTokenHeader(request);
	}

	public static @Nullable String fromAuthorization(HttpServletRequest request) {
		String value = request.getHeader("Authorization");
		if (value != null && value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return value.substring(BEARER.length()).strip();
		}
		return null;
	}

	public static @Nullable String fromTokenHeader(HttpServletRequest request) {
		String header = request.getHeader(TOKEN_HEADER);
		return (header != null) ? header.strip() : null;
	}

}
