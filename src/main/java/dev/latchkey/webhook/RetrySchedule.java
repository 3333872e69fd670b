package dev.latchkey.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery that failed is tried again: 10 s, 30 s, 1 min, 5 min, 15 min, 1 h after
 * the first six failures, then hourly, each with up to 10 % random jitter (so receivers
 * that come back are not hit by every sender at once), for as long as the event is
 * younger than the retry period; after that the delivery has failed for good.
 */
final class RetrySchedule {

	static final List<Duration> DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
			Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));

	private final Duration retryFor;

	/** A random number in [0, 1) per call. */
	private final DoubleSupplier random;

	RetrySchedule(Duration retryFor, DoubleSupplier random) {
		this.retryFor = retryFor;
		this.random = random;
	}

	/** The delay after the given number of failed attempts (1 = the first failed). */
	static Duration delayAfter(int failedAttempts) {
		return DELAYS.get(Math.min(Math.max(failedAttempts, 1), DELAYS.size()) - 1);
	}

	/**
	 * When to try next, or empty when the delivery is out of time.
	 * @param createdAt when the delivery was created (the event)
	 * @param failedAttempts attempts made so far, all failed
	 * @param now the time of the failed attempt
	 */
	Optional<Instant> next(Instant createdAt, int failedAttempts, Instant now) {
		Duration delay = delayAfter(failedAttempts);
		long jitter = (long) (delay.toMillis() * 0.1 * this.random.getAsDouble());
		Instant next = now.plus(delay).plusMillis(jitter);
		Instant deadline = createdAt.plus(this.retryFor);
		return next.isAfter(deadline) ? Optional.empty() : Optional.of(next);
	}

}
