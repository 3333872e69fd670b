package dev.latchkey.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * A fixed-window limit per client key (usually an address): at most {@code permits} hits
 * per window, counted on every instance. Windows are aligned to the epoch, so all
 * instances agree on where one starts. A key's count is what the shared database held at
 * the last synchronisation (every instance's hits, this one's included) plus what this
 * instance counted since then; {@link RateLimits} does the synchronising.
 */
public final class RateLimit {

	private final String name;

	private final int permits;

	private final Duration window;

	private final int maxKeys;

	private final Clock clock;

	private final AtomicReference<Window> current;

	RateLimit(String name, int permits, Duration window, int maxKeys, Clock clock) {
		if (permits < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("A rate limit needs at least one permit and a positive window");
		}
		this.name = name;
		this.permits = permits;
		this.window = window;
		this.maxKeys = maxKeys;
		this.clock = clock;
		this.current = new AtomicReference<>(new Window(windowStart(clock.instant())));
	}

	/**
	 * Counts one hit for the key.
	 * @return empty if the key is within its limit, hit included; otherwise how long
	 * until its window ends
	 */
	public Optional<Duration> acquire(String key) {
		Instant now = this.clock.instant();
		Window window = window(now);
		AtomicLong local = window.local(key, this.maxKeys);
		long counted = (local != null) ? local.incrementAndGet() : 0;
		return judge(window, key, counted, now);
	}

	String name() {
		return this.name;
	}

	/** The window now, starting a new one when the last has ended. */
	Window window(Instant now) {
		Window window = this.current.get();
		while (!now.isBefore(window.end)) {
			Window next = new Window(windowStart(now));
			window = this.current.compareAndSet(window, next) ? next : this.current.get();
		}
		return window;
	}

	private Optional<Duration> judge(Window window, String key, long counted, Instant now) {
		Synced synced = window.synced;
		long total = synced.shared(key) + counted - synced.flushed(key);
		if (total <= this.permits) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, window.end));
	}

	private Instant windowStart(Instant now) {
		long size = this.window.toMillis();
		long millis = now.toEpochMilli();
		return Instant.ofEpochMilli(millis - Math.floorMod(millis, size));
	}

	/**
	 * One window's counts: every hit this instance counted, and what the last
	 * synchronisation left.
	 */
	final class Window {

		final Instant start;

		final Instant end;

		final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

		volatile Synced synced = new Synced(Map.of(), Map.of());

		Window(Instant start) {
			this.start = start;
			this.end = start.plus(RateLimit.this.window);
		}

		/** The key's counter, or {@code null} when the window already tracks too many. */
		@Nullable AtomicLong local(String key, int max) {
			AtomicLong counter = this.counts.get(key);
			if (counter == null && this.counts.size() < max) {
				counter = this.counts.computeIfAbsent(key, (k) -> new AtomicLong());
			}
			return counter;
		}

	}

	/**
	 * What a synchronisation left, replaced as a whole so that a reader never sees the
	 * sums of one synchronisation with the written counts of another: {@code shared} the
	 * sums of every instance's hits in the database, {@code flushed} how many of this
	 * instance's hits are among them.
	 */
	record Synced(Map<String, Long> shared, Map<String, Long> flushed) {

		long shared(String key) {
			return this.shared.getOrDefault(key, 0L);
		}

		long flushed(String key) {
			return this.flushed.getOrDefault(key, 0L);
		}

	}

}
