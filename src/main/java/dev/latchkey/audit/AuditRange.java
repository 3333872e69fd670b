package dev.latchkey.audit;

import java.time.Duration;
import java.time.Instant;

import dev.latchkey.system.InvalidRequest;
import org.jspecify.annotations.Nullable;

/**
 * A span of the trail: {@code from} inclusive, {@code to} exclusive, at most
 * {@link #MAX_SPAN} long (SPEC rule 12), within the years 1970 to 9999.
 */
public record AuditRange(Instant from, Instant to) {

	public static final Duration MAX_SPAN = Duration.ofDays(90);

	/** Nothing is recorded before the epoch. */
	public static final Instant EARLIEST = Instant.EPOCH;

	/**
	 * The end of the year 9999, as an exclusive {@code to}: later years need a sign in
	 * ISO 8601, overflow date arithmetic near {@link Instant#MAX} and are stored
	 * differently by each database.
	 */
	public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

	public AuditRange {
		within("from", from);
		within("to", to);
		if (!from.isBefore(to)) {
			throw InvalidRequest.parameter("from", "'from' must be before 'to'.");
		}
		if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
			throw InvalidRequest.parameter("from", "A query covers at most 90 days; narrow 'from' and 'to'.");
		}
	}

	/**
	 * The range a caller asked for: without {@code to}, up to just after {@code now};
	 * without {@code from}, {@code defaultSpan} before {@code to}.
	 */
	public static AuditRange requested(@Nullable Instant from, @Nullable Instant to, Instant now,
			Duration defaultSpan) {
		Instant end = within("to", (to != null) ? to : now.plusSeconds(1));
		Instant start = (from != null) ? from : end.minus(defaultSpan);
		return new AuditRange((from == null && start.isBefore(EARLIEST)) ? EARLIEST : start, end);
	}

	/**
	 * The instant, if it lies in the years the trail covers; otherwise a 400 naming it.
	 */
	public static Instant within(String parameter, Instant value) {
		if (value.isBefore(EARLIEST) || value.isAfter(END)) {
			throw InvalidRequest.parameter(parameter, "'" + parameter + "' must lie in the years 1970 to 9999 (UTC).");
		}
		return value;
	}

}
