package dev.latchkey.auth;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The methods a {@code read_api} token may use (SPEC §8): GET, HEAD and OPTIONS, as RFC
 * 9110 spells them (methods are case-sensitive). Anything else, or no method at all, is
 * not safe.
 */
final class SafeMethods {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

	private SafeMethods() {
	}

	static boolean isSafe(@Nullable String method) {
		return method != null && SAFE.contains(method);
	}

}
