package dev.latchkey.auth;

import java.util.Collections;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a request carries its token: {@code Authorization: Bearer <token>} (the scheme is
 * case-insensitive, RFC 7235) or, for clients of the modelled product,
 * {@code token: <token>}.
 */
public final class BearerTokens {

	private static final String BEARER = "bearer ";

	private BearerTokens() {
	}

	public static @Nullable String fromAuthorization(HttpServletRequest request) {
		for (String value : Collections.list(request.getHeaders("Authorization"))) {
			if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				return value.substring(BEARER.length()).strip();
			}
		}
		return null;
	}

	public static @Nullable String fromTokenHeader(HttpServletRequest request) {
		String header = request.getHeader("token");
		return (header != null) ? header.strip() : null;
	}

}
