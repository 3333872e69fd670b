package dev.latchkey.token;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request for a token: a name, an optional description, at most one of a lifetime in
 * days or an expiry instant (neither: the organisation's default lifetime), the scopes
 * (none named: {@code api}) and the addresses it may be used from (none: anywhere).
 */
public record NewToken(String name, @Nullable String description, @Nullable Integer expiresInDays,
		@Nullable Instant expiresAt, @Nullable List<String> scopes, @Nullable List<String> allowedIps) {

	public static NewToken named(String name) {
		return new NewToken(name, null, null, null, null, null);
	}

	public NewToken withScopes(String... scopes) {
		return new NewToken(this.name, this.description, this.expiresInDays, this.expiresAt, List.of(scopes),
				this.allowedIps);
	}

	public NewToken withAllowedIps(String... allowedIps) {
		return new NewToken(this.name, this.description, this.expiresInDays, this.expiresAt, this.scopes,
				List.of(allowedIps));
	}

}
