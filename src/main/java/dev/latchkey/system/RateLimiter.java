package dev.latchkey.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A fixed-window rate limit per key (usually a client IP): at most {@code permits} per
 * {@code window}. Memory is bounded by {@code maxKeys}; when more keys than that are
 * live, the least recently used are forgotten, which only ever lets a forgotten key start
 * afresh.
 */
public final class RateLimiter {

	private final int permits;

	private final Duration window;

	private final Clock clock;

	private final Cache<String, Window> windows;

	public RateLimiter(int permits, Duration window, int maxKeys, Clock clock) {
		if (permits < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("A rate limit needs at least one permit and a positive window");
		}
		this.permits = permits;
		this.window = window;
		this.clock = clock;
		this.windows = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(window).build();
	}

	/**
	 * Takes one permit for the key.
	 * @return empty if allowed, otherwise how long until the key's window ends
	 */
	public Optional<Duration> acquire(String key) {
		Instant now = this.clock.instant();
		Window current = this.windows.asMap()
			.compute(key, (k, existing) -> (existing == null || !existing.end().isAfter(now))
					? new Window(now.plus(this.window), new AtomicInteger()) : existing);
		if (current.used().incrementAndGet() <= this.permits) {
			return Optional.empty();
		}
		Duration wait = Duration.between(now, current.end());
		return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
	}

	/**
	 * Whether the key has used up its window, without taking a permit.
	 * @return empty if a permit is left, otherwise how long until the key's window ends
	 */
	public Optional<Duration> exhausted(String key) {
		Instant now = this.clock.instant();
		Window current = this.windows.getIfPresent(key);
		if (current == null || !current.end().isAfter(now) || current.used().get() < this.permits) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, current.end()));
	}

	private record Window(Instant end, AtomicInteger used) {

	}

}
