package dev.latchkey.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What was read from the database, by key, for at most {@code maxStaleness}, kept in step
 * with {@link Invalidation}s. Two bounded caches: rows that exist, and, apart, keys that
 * matched nothing, so a flood of made-up keys churns only the second and costs one query
 * per key rather than one per request.
 *
 * <p>
 * A read that began before a change committed must not put the old row back after the
 * invalidation removed it. Every invalidation bumps a generation first; a read stores its
 * result, then checks the generation it started with and removes what it stored if it
 * moved.
 *
 * @param <K> the key looked up
 * @param <V> the row read
 */
public final class InvalidatedCache<K, V> {

	private final Cache<K, V> known;

	private final Cache<K, Boolean> unknown;

	private final AtomicLong generation = new AtomicLong();

	public InvalidatedCache(int maximumSize, int unknownMaximumSize, Duration maxStaleness, Executor maintenance) {
		this.known = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterWrite(maxStaleness)
			.executor(maintenance)
			.recordStats()
			.build();
		this.unknown = Caffeine.newBuilder()
			.maximumSize(unknownMaximumSize)
			.expireAfterWrite(maxStaleness)
			.executor(maintenance)
			.recordStats()
			.build();
	}

	/** The row for this key, from the cache or else from the database. */
	public Optional<V> find(K key, Function<K, Optional<V>> database) {
		V cached = this.known.getIfPresent(key);
		if (cached != null) {
			return Optional.of(cached);
		}
		if (this.unknown.getIfPresent(key) != null) {
			return Optional.empty();
		}
		long before = this.generation.get();
		Optional<V> found = database.apply(key);
		found.ifPresentOrElse((row) -> this.known.put(key, row), () -> this.unknown.put(key, Boolean.TRUE));
		if (this.generation.get() != before) {
			// Something changed while we read: what we read may be older than the change.
			this.known.invalidate(key);
			this.unknown.invalidate(key);
		}
		return found;
	}

	/** Forgets the rows a change made stale. */
	public void invalidateIf(Predicate<V> stale) {
		this.generation.incrementAndGet();
		this.known.asMap().values().removeIf(stale);
	}

	/** Forgets everything, known and unknown. */
	public void invalidateAll() {
		this.generation.incrementAndGet();
		this.known.invalidateAll();
		this.unknown.invalidateAll();
	}

	/** The rows that exist, for metrics and tests. */
	public Cache<K, V> known() {
		return this.known;
	}

	/** The keys that matched nothing, for metrics and tests. */
	public Cache<K, Boolean> unknown() {
		return this.unknown;
	}

}
