package dev.latchkey.token;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.cluster.Invalidation;
import dev.latchkey.cluster.InvalidationListener;
import org.jspecify.annotations.Nullable;

/**
 * What verification read from the database, by token digest, for at most
 * {@code max-staleness}. Two bounded caches: credentials of tokens that exist (whatever
 * their status, so a revoked token is refused without a query too), and, much smaller,
 * digests that matched nothing. A flood of unknown tokens churns only the second.
 *
 * <p>
 * An entry says what the row was, not whether the token is valid: validity, including
 * expiry, is judged against the clock on every hit. Changes that affect validity remove
 * entries through {@link #invalidate(Invalidation)}.
 *
 * <p>
 * A verification that read the database before a change committed must not put the old
 * row back after the invalidation removed it. Every invalidation bumps a generation
 * first; a read stores its result, then checks the generation it started with and removes
 * what it stored if it moved.
 */
class VerificationCache implements InvalidationListener {

	private static final Boolean UNKNOWN = Boolean.TRUE;

	private final Cache<TokenDigest, TokenCredential> known;

	private final Cache<TokenDigest, Boolean> unknown;

	private final AtomicLong generation = new AtomicLong();

	VerificationCache(VerificationCacheSettings settings) {
		this(settings, ForkJoinPool.commonPool());
	}

	VerificationCache(VerificationCacheSettings settings, Executor maintenance) {
		this.known = Caffeine.newBuilder()
			.maximumSize(settings.maximumSize())
			.expireAfterWrite(settings.maxStaleness())
			.executor(maintenance)
			.recordStats()
			.build();
		this.unknown = Caffeine.newBuilder()
			.maximumSize(settings.negativeMaximumSize())
			.expireAfterWrite(settings.maxStaleness())
			.executor(maintenance)
			.recordStats()
			.build();
	}

	/**
	 * The credential of the token with this digest, from the cache or else from the
	 * database; {@code null} if there is none.
	 */
	@Nullable TokenCredential find(TokenDigest digest, Function<TokenDigest, Optional<TokenCredential>> database) {
		TokenCredential cached = this.known.getIfPresent(digest);
		if (cached != null) {
			return cached;
		}
		if (this.unknown.getIfPresent(digest) != null) {
			return null;
		}
		long before = this.generation.get();
		TokenCredential found = database.apply(digest).orElse(null);
		if (found != null) {
			this.known.put(digest, found);
		}
		else {
			this.unknown.put(digest, UNKNOWN);
		}
		if (this.generation.get() != before) {
			// Something changed while we read: what we read may be older than the change.
			this.known.invalidate(digest);
			this.unknown.invalidate(digest);
		}
		return found;
	}

	@Override
	public void invalidate(Invalidation invalidation) {
		this.generation.incrementAndGet();
		UUID id = invalidation.id();
		this.known.asMap().values().removeIf(switch (invalidation.scope()) {
			case TOKEN -> (credential) -> credential.tokenId().value().equals(id);
			case USER -> (credential) -> credential.ownerId().value().equals(id);
			case ORGANISATION -> (credential) -> credential.organisationId().value().equals(id);
			case CLIENT -> (credential) -> false;
		});
	}

	@Override
	public void invalidateAll() {
		this.generation.incrementAndGet();
		this.known.invalidateAll();
		this.unknown.invalidateAll();
	}

	Cache<TokenDigest, TokenCredential> known() {
		return this.known;
	}

	Cache<TokenDigest, Boolean> unknown() {
		return this.unknown;
	}

}
