package dev.latchkey.token;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A change of a token's details (SPEC §8, {@code PATCH}): what is {@code null} stays as
 * it is; an empty description removes it; an empty allowlist means anywhere. Scopes can
 * only be narrowed.
 */
public record TokenChanges(@Nullable TokenName name, @Nullable String description, @Nullable TokenScopes scopes,
		@Nullable AllowedAddresses allowedAddresses) {

	/**
	 * The changes a request asks for, each checked on its own (a malformed name, scope or
	 * allowlist entry is refused here).
	 */
	public static TokenChanges of(@Nullable String name, @Nullable String description, @Nullable List<String> scopes,
			@Nullable List<String> allowedIps) {
		return new TokenChanges((name != null) ? new TokenName(name) : null, description,
				(scopes != null) ? TokenScopes.of(scopes) : null,
				(allowedIps != null) ? AllowedAddresses.of(allowedIps) : null);
	}

	public boolean isEmpty() {
		return this.name == null && this.description == null && this.scopes == null && this.allowedAddresses == null;
	}

}
