package dev.latchkey.console;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.latchkey.testing.MovableClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's arithmetic with a movable clock, on the real table in an in-memory H2
 * database (no Spring context): 3 free failures per account at an address, 5 per address.
 */
class LoginThrottleUnitTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));

	private final JdbcClient jdbc = JdbcClient.create(migratedDatabase());

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginThrottleSettings(3, 5, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(8)),
			new SignInFailures(this.jdbc), this.clock);

	@Test
	void theFreeFailuresOfAnAccountAtAnAddressCostNothing() {
		fail("alice", "10.0.0.1", 3);

		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isZero();
	}

	@Test
	void eachFurtherFailureDoublesTheWaitUpToTheMaximum() {
		fail("alice", "10.0.0.1", 4);
		Duration first = this.throttle.waitBefore("alice", "10.0.0.1");
		fail("alice", "10.0.0.1", 1);
		Duration second = this.throttle.waitBefore("alice", "10.0.0.1");
		fail("alice", "10.0.0.1", 10);
		Duration capped = this.throttle.waitBefore("alice", "10.0.0.1");

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
	void failuresFromOneAddressNeverSlowTheAccountAtAnother() {
		fail("alice", "10.0.0.1", 4);

		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isPositive();
		assertThat(this.throttle.waitBefore("alice", "10.0.0.2")).isZero();
	}

	@Test
	void anAddressGuessingManyAccountsIsSlowedDownForEveryAccount() {
		for (int i = 0; i < 6; i++) {
			fail("user" + i, "10.0.0.9", 1);
		}

		assertThat(this.throttle.waitBefore("someone-else", "10.0.0.9")).isPositive();
		assertThat(this.throttle.waitBefore("someone-else", "10.0.0.8")).isZero();
	}

	@Test
	void successClearsTheAccountAtThatAddressButNotTheAddress() {
		fail("alice", "10.0.0.1", 4);
		fail("bob", "10.0.0.1", 2);
		this.throttle.succeeded("alice", "10.0.0.1");

		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isPositive();
		this.clock.advance(Duration.ofSeconds(2));
		fail("carol", "10.0.0.2", 1);
		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isZero();
		assertThat(this.throttle.waitBefore("dave", "10.0.0.1")).isZero();
	}

	@Test
	void usernamesDifferingInCaseShareOneCount() {
		fail("Alice", "10.0.0.1", 2);
		fail("ALICE ", "10.0.0.1", 2);

		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isPositive();
	}

	@Test
	void manyFailingNamesAndAddressesNeverSlowAFreshAccountAndAddress() {
		for (int i = 0; i < 2000; i++) {
			fail("flood" + i, "10.1." + (i / 250) + "." + (i % 250), 1);
		}

		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isZero();
		assertThat(this.throttle.waitBefore("flood7", "10.0.0.1")).isZero();
	}

	@Test
	void forgottenCountsAreRemovedAndRecentOnesKept() {
		fail("alice", "10.0.0.1", 4);
		this.clock.advance(Duration.ofMinutes(10));
		fail("bob", "10.0.0.2", 4);
		this.clock.advance(Duration.ofMinutes(6));

		this.throttle.forgetOldFailures();

		assertThat(this.jdbc.sql("select count(*) from sign_in_failures").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void neitherTheTypedNameNorTheAddressIsStoredInClear() {
		fail("my secret password", "10.0.0.1", 1);

		assertThat(this.jdbc.sql("select subject from sign_in_failures").query(String.class).list()).hasSize(2)
			.allSatisfy((subject) -> assertThat(subject).matches("[0-9a-f]{64}"));
	}

	private void fail(String username, String client, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(username, client);
		}
	}

	private static JdbcDataSource migratedDatabase() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

}
