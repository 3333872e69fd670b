package dev.latchkey.token;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageCountsUnitTests {

	private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");

	private final UsageCounts counts = new UsageCounts();

	private final TokenId token = TokenId.random();

	@Test
	void eachTakeHandsOutOnlyWhatWasCountedSinceTheLast() {
		count(3, NOON);
		List<UsageCounts.Increment> first = this.counts.take(NOON);
		count(2, NOON);
		List<UsageCounts.Increment> second = this.counts.take(NOON);
		List<UsageCounts.Increment> third = this.counts.take(NOON);

		assertThat(first).containsExactly(new UsageCounts.Increment(this.token, LocalDate.of(2026, 6, 1), 3));
		assertThat(second).containsExactly(new UsageCounts.Increment(this.token, LocalDate.of(2026, 6, 1), 2));
		assertThat(third).isEmpty();
	}

	@Test
	void requestsAreCountedOnTheirUtcDay() {
		count(1, Instant.parse("2026-06-01T23:59:59Z"));
		count(4, Instant.parse("2026-06-02T00:00:00Z"));

		assertThat(this.counts.take(NOON.plus(Duration.ofDays(1)))).containsExactlyInAnyOrder(
				new UsageCounts.Increment(this.token, LocalDate.of(2026, 6, 1), 1),
				new UsageCounts.Increment(this.token, LocalDate.of(2026, 6, 2), 4));
	}

	@Test
	void whatCouldNotBeStoredIsHandedOutAgain() {
		count(5, NOON);
		List<UsageCounts.Increment> failed = this.counts.take(NOON);
		count(1, NOON);

		this.counts.giveBack(failed);

		assertThat(this.counts.take(NOON))
			.containsExactly(new UsageCounts.Increment(this.token, LocalDate.of(2026, 6, 1), 6));
	}

	@Test
	void noRequestIsLostOrCountedTwiceWhileTakesRunConcurrently() throws Exception {
		// given
		int threads = 4;
		int perThread = 50_000;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> counting = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			counting.add(pool.submit(() -> {
				start.await();
				count(perThread, NOON);
				return null;
			}));
		}

		// when
		long taken = 0;
		start.countDown();
		while (!counting.stream().allMatch(Future::isDone)) {
			taken += sum(this.counts.take(NOON));
		}
		taken += sum(this.counts.take(NOON));
		pool.shutdown();

		// then
		assertThat(taken).isEqualTo((long) threads * perThread);
	}

	@Test
	void countersOfOldDaysAreDroppedOnceHandedOut() {
		count(1, NOON);
		this.counts.take(NOON);

		this.counts.take(NOON.plus(Duration.ofDays(2)));
		count(1, NOON.plus(Duration.ofDays(2)));

		assertThat(this.counts.take(NOON.plus(Duration.ofDays(2))))
			.containsExactly(new UsageCounts.Increment(this.token, LocalDate.of(2026, 6, 3), 1));
	}

	private void count(int times, Instant at) {
		for (int i = 0; i < times; i++) {
			this.counts.count(this.token, at);
		}
	}

	private static long sum(List<UsageCounts.Increment> increments) {
		return increments.stream().mapToLong(UsageCounts.Increment::requests).sum();
	}

}
