package dev.latchkey.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.latchkey.cluster.Invalidation;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.token.VerificationCacheSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the client cache asks the database: a registered client and an unknown client id
 * once each until an invalidation, and never an answer that raced a change.
 */
class ClientCacheUnitTests {

	private final ResourceClient client = new ResourceClient(UUID.randomUUID(), new OrganisationId(UUID.randomUUID()),
			"gateway", "lkc_gateway", "digest", true, Instant.parse("2026-12-01T00:00:00Z"), "admin");

	private final ClientCache cache = new ClientCache(new VerificationCacheSettings(Duration.ofMinutes(1), 100, 100));

	private final List<String> queries = new ArrayList<>();

	@Test
	void anUnknownClientIdIsLookedUpOnceNotOnEveryRequest() {
		// given / when
		for (int i = 0; i < 5; i++) {
			assertThat(this.cache.find("lkc_made_up", database(Optional.empty()))).isEmpty();
		}

		// then
		assertThat(this.queries).containsExactly("lkc_made_up");
	}

	@Test
	void aRegisteredClientIsLookedUpOnceUntilItChanges() {
		// given
		this.cache.find("lkc_gateway", database(Optional.of(this.client)));
		this.cache.find("lkc_gateway", database(Optional.of(this.client)));

		// when
		this.cache.invalidate(Invalidation.client(this.client.id()));
		this.cache.find("lkc_gateway", database(Optional.of(this.client)));

		// then
		assertThat(this.queries).containsExactly("lkc_gateway", "lkc_gateway");
	}

	@Test
	void unknownIdsAreForgottenWhenTheCacheIsEmptied() {
		// given
		this.cache.find("lkc_made_up", database(Optional.empty()));

		// when
		this.cache.invalidateAll();

		// then
		assertThat(this.cache.find("lkc_made_up", database(Optional.of(this.client)))).contains(this.client);
		assertThat(this.queries).hasSize(2);
	}

	@Test
	void anAnswerThatRacedAChangeIsNotKept() {
		// given: a change lands while the query for an unknown id is running
		Function<String, Optional<ResourceClient>> racing = (clientId) -> {
			this.queries.add(clientId);
			this.cache.invalidate(Invalidation.client(UUID.randomUUID()));
			return Optional.empty();
		};
		this.cache.find("lkc_made_up", racing);

		// when
		this.cache.find("lkc_made_up", database(Optional.empty()));

		// then
		assertThat(this.queries).hasSize(2);
	}

	private Function<String, Optional<ResourceClient>> database(Optional<ResourceClient> row) {
		return (clientId) -> {
			this.queries.add(clientId);
			return row;
		};
	}

}
