package dev.latchkey.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleUnitTests {

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginThrottleSettings(3, 5, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(8), 100),
			this.clock);

	@Test
	void theFreeFailuresOfAnAccountCostNothing() {
		fail("alice", "10.0.0.1", 3);

		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isZero();
	}

	@Test
	void eachFurtherFailureDoublesTheWaitUpToTheMaximum() {
		fail("alice", "10.0.0.1", 4);
		Duration first = this.throttle.waitBefore("alice", "10.0.0.2");
		fail("alice", "10.0.0.2", 1);
		Duration second = this.throttle.waitBefore("alice", "10.0.0.3");
		fail("alice", "10.0.0.3", 10);
		Duration capped = this.throttle.waitBefore("alice", "10.0.0.4");

		assertThat(first).isEqualTo(Duration.ofSeconds(1));
		assertThat(second).isEqualTo(Duration.ofSeconds(2));
		assertThat(capped).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void theWaitEndsAndFailuresAreForgottenAfterTheWindow() {
		fail("alice", "10.0.0.1", 5);
		this.clock.advance(Duration.ofSeconds(3));
		Duration afterTheWait = this.throttle.waitBefore("alice", "10.0.0.1");
		this.clock.advance(Duration.ofMinutes(15));
		fail("alice", "10.0.0.1", 1);

		assertThat(afterTheWait).isZero();
		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isZero();
	}

	@Test
	void aClientGuessingManyAccountsIsSlowedDownToo() {
		for (int i = 0; i < 6; i++) {
			fail("user" + i, "10.0.0.9", 1);
		}

		assertThat(this.throttle.waitBefore("someone-else", "10.0.0.9")).isPositive();
		assertThat(this.throttle.waitBefore("someone-else", "10.0.0.8")).isZero();
	}

	@Test
	void successClearsTheAccountButNotTheClient() {
		fail("alice", "10.0.0.1", 6);
		this.throttle.succeeded("alice");

		assertThat(this.throttle.waitBefore("alice", "10.0.0.2")).isZero();
		assertThat(this.throttle.waitBefore("bob", "10.0.0.1")).isPositive();
	}

	@Test
	void usernamesDifferingInCaseShareOneAccount() {
		fail("Alice", "10.0.0.1", 2);
		fail("ALICE ", "10.0.0.2", 2);

		assertThat(this.throttle.waitBefore("alice", "10.0.0.3")).isPositive();
	}

	@Test
	void whenFullNewcomersShareOneOverflowEntry() {
		for (int i = 0; i < 100; i++) {
			fail("user" + i, "10.0.1." + i, 1);
		}
		for (int i = 0; i < 4; i++) {
			fail("flood" + i, "10.0.2." + i, 1);
		}

		assertThat(this.throttle.waitBefore("another-newcomer", "10.0.3.1")).isPositive();
		assertThat(this.throttle.waitBefore("user1", "10.0.1.1")).isZero();
	}

	private void fail(String username, String client, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(username, client);
		}
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2025-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
