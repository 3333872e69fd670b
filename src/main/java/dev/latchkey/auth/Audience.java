package dev.latchkey.auth;

import java.util.function.Predicate;

import dev.latchkey.system.OrganisationId;
import dev.latchkey.token.TokenCredential;
import org.jspecify.annotations.Nullable;

/**
 * Whose API a token is presented to. Latchkey's own API serves every organisation (each
 * sees only its own data); forward auth and introspection serve one organisation, and a
 * valid token of another is refused like an unknown one.
 */
public record Audience(@Nullable OrganisationId organisationId,
		@Nullable String organisationName) implements Predicate<TokenCredential> {

	public static Audience anyOrganisation() {
		return new Audience(null, null);
	}

	public static Audience organisation(OrganisationId id) {
		return new Audience(id, null);
	}

	public static Audience organisationNamed(String name) {
		return new Audience(null, name);
	}

	@Override
	public boolean test(TokenCredential credential) {
		if (this.organisationId != null) {
			return this.organisationId.equals(credential.organisationId());
		}
		return this.organisationName == null || this.organisationName.equals(credential.organisationName());
	}

}
