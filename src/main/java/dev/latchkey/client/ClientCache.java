package dev.latchkey.client;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.cluster.Invalidation;
import dev.latchkey.cluster.InvalidationListener;
import dev.latchkey.token.VerificationCacheSettings;

import org.springframework.stereotype.Component;

/**
 * Registered clients by client id, so that introspection authenticates its caller without
 * a query (a resource server introspects on every request it serves). An entry holds the
 * row, digest and enabled flag included; the presented secret is still digested and
 * compared on every call. A client's change (disabled, enabled, new secret) empties the
 * cache on this instance after the commit and on the others through the cluster's
 * notices; entries are read again after {@code latchkey.tokens.cache.max-staleness} in
 * case a notice was lost.
 *
 * <p>
 * Unknown client ids are remembered as unknown for as long, in a cache of their own
 * ({@code latchkey.tokens.cache.negative-maximum-size}), so a flood of made-up ids costs
 * one query per id, not one per request, and cannot push registered clients out. This
 * cannot delay a new client: its id is drawn at random when it is registered, so nobody
 * can have presented it before.
 *
 * <p>
 * Like the token cache, a read that raced a change does not keep what it read: every
 * invalidation bumps a generation, and a read that saw it move removes its entry.
 */
@Component
class ClientCache implements InvalidationListener {

	private static final int MAXIMUM_SIZE = 10_000;

	private final Cache<String, ResourceClient> clients;

	private final Cache<String, Boolean> unknown;

	private final AtomicLong generation = new AtomicLong();

	ClientCache(VerificationCacheSettings settings) {
		this.clients = Caffeine.newBuilder()
			.maximumSize(MAXIMUM_SIZE)
			.expireAfterWrite(settings.maxStaleness())
			.build();
		this.unknown = Caffeine.newBuilder()
			.maximumSize(settings.negativeMaximumSize())
			.expireAfterWrite(settings.maxStaleness())
			.build();
	}

	Optional<ResourceClient> find(String clientId, Function<String, Optional<ResourceClient>> database) {
		ResourceClient cached = this.clients.getIfPresent(clientId);
		if (cached != null) {
			return Optional.of(cached);
		}
		if (this.unknown.getIfPresent(clientId) != null) {
			return Optional.empty();
		}
		long before = this.generation.get();
		Optional<ResourceClient> found = database.apply(clientId);
		found.ifPresentOrElse((client) -> this.clients.put(clientId, client),
				() -> this.unknown.put(clientId, Boolean.TRUE));
		if (this.generation.get() != before) {
			this.clients.invalidate(clientId);
			this.unknown.invalidate(clientId);
		}
		return found;
	}

	@Override
	public void invalidate(Invalidation invalidation) {
		if (invalidation.scope() == Invalidation.Scope.CLIENT) {
			this.generation.incrementAndGet();
			this.clients.asMap().values().removeIf((client) -> client.id().equals(invalidation.id()));
		}
	}

	@Override
	public void invalidateAll() {
		this.generation.incrementAndGet();
		this.clients.invalidateAll();
		this.unknown.invalidateAll();
	}

}
