package dev.latchkey.token;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A request for a token: a name, an optional description and at most one of a lifetime in
 * days or an expiry instant (neither: the organisation's default lifetime).
 */
public record NewToken(String name, @Nullable String description, @Nullable Integer expiresInDays,
		@Nullable Instant expiresAt) {

	public static NewToken named(String name) {
		return new NewToken(name, null, null, null);
	}

}
