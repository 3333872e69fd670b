package dev.latchkey.client;

import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

import dev.latchkey.cluster.InvalidatedCache;
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
 * Like the token cache, a read that raced a change does not keep what it read
 * ({@link InvalidatedCache}).
 */
@Component
class ClientCache implements InvalidationListener {

	private static final int MAXIMUM_SIZE = 10_000;

	private final InvalidatedCache<String, ResourceClient> clients;

	ClientCache(VerificationCacheSettings settings) {
		this.clients = new InvalidatedCache<>(MAXIMUM_SIZE, settings.negativeMaximumSize(), settings.maxStaleness(),
				ForkJoinPool.commonPool());
	}

	Optional<ResourceClient> find(String clientId, Function<String, Optional<ResourceClient>> database) {
		return this.clients.find(clientId, database);
	}

	@Override
	public void invalidate(Invalidation invalidation) {
		if (invalidation.scope() == Invalidation.Scope.CLIENT) {
			this.clients.invalidateIf((client) -> client.id().equals(invalidation.id()));
		}
	}

	@Override
	public void invalidateAll() {
		this.clients.invalidateAll();
	}

}
