package dev.latchkey.token;

import java.time.Instant;

import dev.latchkey.system.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A scope an organisation defined for its own APIs, which its tokens can be limited to
 * and its forward-auth locations can require (SPEC §8).
 */
public record OrganisationScope(OrganisationId organisationId, Scope scope, @Nullable String description,
		Instant createdAt, String createdBy) {

	/** At most this many characters of description. */
	public static final int MAX_DESCRIPTION = 200;

}
