package dev.latchkey.audit;

import java.time.Duration;
import java.time.Instant;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A page of one organisation's trail between two instants, at most {@link #MAX_SPAN}
 * apart.
 */
public record AuditQuery(OrganisationId organisation, Instant from, Instant to, @Nullable String actor,
		@Nullable AuditEventType type, int page, int size) {

	public static final Duration MAX_SPAN = AuditRange.MAX_SPAN;

	public static final int MAX_PAGE_SIZE = 500;

	public AuditQuery {
		new AuditRange(from, to);
		if (page < 0) {
			throw InvalidRequest.parameter("page", "'page' must be 0 or more.");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw InvalidRequest.parameter("size", "'size' must be between 1 and " + MAX_PAGE_SIZE + ".");
		}
	}

}
