package dev.latchkey.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.latchkey.testing.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixed-window limit: what this instance counted plus what the other instances had
 * counted at the last synchronisation.
 */
class RateLimitUnitTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:10Z"));

	private final RateLimit limit = new RateLimit("test", 3, Duration.ofMinutes(1), 100, this.clock);

	@Test
	void theHitsOfAWindowArePermittedUpToTheLimitAndThenTheWaitIsTheRestOfTheWindow() {
		// when
		var first = this.limit.acquire("203.0.113.1");
		this.limit.acquire("203.0.113.1");
		var third = this.limit.acquire("203.0.113.1");
		var fourth = this.limit.acquire("203.0.113.1");

		// then
		assertThat(first).isEmpty();
		assertThat(third).isEmpty();
		assertThat(fourth).contains(Duration.ofSeconds(50));
		assertThat(this.limit.acquire("198.51.100.2")).isEmpty();
	}

	@Test
	void windowsAreAlignedSoEveryInstanceAgreesWhenOneEnds() {
		// given
		for (int i = 0; i < 4; i++) {
			this.limit.acquire("203.0.113.1");
		}

		// when
		this.clock.set(Instant.parse("2026-01-01T10:01:00Z"));

		// then
		assertThat(this.limit.acquire("203.0.113.1")).isEmpty();
	}

	@Test
	void hitsCountedByOtherInstancesCountHereAfterASynchronisation() {
		// given
		this.limit.acquire("203.0.113.1");
		RateLimit.Window window = this.limit.window(this.clock.instant());

		// when: the database holds this instance's hit and two from elsewhere
		window.synced = new RateLimit.Synced(Map.of("203.0.113.1", 3L), Map.of("203.0.113.1", 1L));

		// then
		assertThat(this.limit.acquire("203.0.113.1")).isPresent();
	}

	@Test
	void whenTooManyAddressesAreTrackedNewOnesAreNotLimitedRatherThanAllOfThem() {
		// given
		RateLimit small = new RateLimit("small", 1, Duration.ofMinutes(1), 2, this.clock);
		small.acquire("203.0.113.1");
		small.acquire("203.0.113.2");

		// when
		var third = small.acquire("203.0.113.3");
		var thirdAgain = small.acquire("203.0.113.3");
		var firstAgain = small.acquire("203.0.113.1");

		// then
		assertThat(third).isEmpty();
		assertThat(thirdAgain).isEmpty();
		assertThat(firstAgain).isPresent();
	}

}
