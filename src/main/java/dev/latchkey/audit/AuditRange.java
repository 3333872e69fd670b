package dev.latchkey.audit;

import java.time.Duration;
import java.time.Instant;

import dev.latchkey.system.InvalidRequest;

/**
 * A span of the trail: {@code from} inclusive, {@code to} exclusive, at most
 * {@link #MAX_SPAN} long (SPEC rule 12).
 */
public record AuditRange(Instant from, Instant to) {

	public static final Duration MAX_SPAN = Duration.ofDays(90);

	public AuditRange {
		if (!from.isBefore(to)) {
			throw new InvalidRequest("'from' must be before 'to'.");
		}
		if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
			throw new InvalidRequest("A query covers at most 90 days; narrow 'from' and 'to'.");
		}
	}

}
