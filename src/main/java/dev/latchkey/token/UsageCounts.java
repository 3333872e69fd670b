package dev.latchkey.token;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Authenticated requests per token and UTC day, counted in memory (SPEC §9) and handed to
 * the last-used flush as increments, so counting costs no write per request.
 *
 * <p>
 * A counter is never removed while it can still be counted: each keeps the total already
 * handed out, and a flush hands out only what was counted since. Counters of days before
 * yesterday are dropped once handed out in full; a request is never counted on a day that
 * old.
 */
final class UsageCounts {

	private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

	void count(TokenId token, Instant at) {
		this.counters.computeIfAbsent(new Key(token, day(at)), (key) -> new Counter()).counted.increment();
	}

	/**
	 * What was counted since the last call, per token and day; the caller must either
	 * store it or {@link #giveBack} it.
	 */
	synchronized List<Increment> take(Instant now) {
		LocalDate stale = day(now).minusDays(1);
		List<Increment> increments = new ArrayList<>();
		this.counters.forEach((key, counter) -> {
			long total = counter.counted.sum();
			long delta = total - counter.handedOut;
			if (delta > 0) {
				counter.handedOut = total;
				increments.add(new Increment(key.token(), key.day(), delta));
			}
			else if (key.day().isBefore(stale)) {
				this.counters.remove(key, counter);
			}
		});
		return increments;
	}

	/** Increments that could not be stored, to be handed out again next time. */
	synchronized void giveBack(List<Increment> increments) {
		for (Increment increment : increments) {
			Counter counter = this.counters.get(new Key(increment.token(), increment.day()));
			if (counter != null) {
				counter.handedOut -= increment.requests();
			}
		}
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	/** Requests of one token on one UTC day, to be added to what is stored. */
	record Increment(TokenId token, LocalDate day, long requests) {

	}

	private record Key(TokenId token, LocalDate day) {

	}

	/** {@code handedOut} is read and written under the lock of {@link UsageCounts}. */
	private static final class Counter {

		private final LongAdder counted = new LongAdder();

		private long handedOut;

	}

}
