package dev.latchkey.token;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import dev.latchkey.cluster.InvalidatedCache;
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
 * A verification that read the database before a change committed does not put the old
 * row back after the invalidation removed it ({@link InvalidatedCache}).
 */
class VerificationCache implements InvalidationListener {

	private final InvalidatedCache<TokenDigest, TokenCredential> cache;

	VerificationCache(VerificationCacheSettings settings) {
		this(settings, ForkJoinPool.commonPool());
	}

	VerificationCache(VerificationCacheSettings settings, Executor maintenance) {
		this.cache = new InvalidatedCache<>(settings.maximumSize(), settings.negativeMaximumSize(),
				settings.maxStaleness(), maintenance);
	}

	/**
	 * The credential of the token with this digest, from the cache or else from the
	 * database; {@code null} if there is none.
	 */
	@Nullable TokenCredential find(TokenDigest digest, Function<TokenDigest, Optional<TokenCredential>> database) {
		return this.cache.find(digest, database).orElse(null);
	}

	@Override
	public void invalidate(Invalidation invalidation) {
		UUID id = invalidation.id();
		this.cache.invalidateIf(switch (invalidation.scope()) {
			case TOKEN -> (credential) -> credential.tokenId().value().equals(id);
			case USER -> (credential) -> credential.ownerId().value().equals(id);
			case ORGANISATION -> (credential) -> credential.organisationId().value().equals(id);
			case CLIENT -> (credential) -> false;
		});
	}

	@Override
	public void invalidateAll() {
		this.cache.invalidateAll();
	}

	Cache<TokenDigest, TokenCredential> known() {
		return this.cache.known();
	}

	Cache<TokenDigest, Boolean> unknown() {
		return this.cache.unknown();
	}

}
