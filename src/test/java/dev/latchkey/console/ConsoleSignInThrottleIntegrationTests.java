package dev.latchkey.console;

import java.time.Duration;

import dev.latchkey.testing.ConsoleClient;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.IntegrationTest;
import dev.latchkey.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling over real HTTP from several client addresses (SPEC §10): a guessing
 * address is slowed down, even when it finally sends the right password, but the right
 * password from an address that has not been failing always gets in, however many names
 * and addresses have failed before. Each test uses addresses of its own, since the counts
 * live in the database the tests share.
 */
@IntegrationTest
@TestPropertySource(properties = {
		// a wait long enough that no test outruns it by accident; the clock ends it
		"latchkey.console.login-throttle.first-delay=1m", "latchkey.console.login-throttle.max-delay=5m" })
class ConsoleSignInThrottleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	String admin;

	@BeforeEach
	void setUp() {
		this.admin = this.fixtures.tenant().admin().username();
	}

	@Test
	void theRightPasswordFromAnotherAddressGetsInWhileTheGuessingAddressWaits() {
		ConsoleClient guesser = new ConsoleClient(this.port, "127.0.0.11");
		failRepeatedly(guesser, this.admin, 6);

		ConsoleClient owner = new ConsoleClient(this.port, "127.0.0.12");
		String ownerLands = owner.signIn(this.admin, Fixtures.PASSWORD).header("Location");

		assertThat(ownerLands).doesNotContain("/login").endsWith("/");
		assertThat(owner.get("/admin/api-tokens").status()).isEqualTo(200);
		assertThat(guesser.signIn(this.admin, "still guessing").header("Location")).endsWith("/login?throttled");
	}

	@Test
	void theGuessingAddressIsRefusedEvenTheRightPasswordUntilItsWaitEnds() {
		ConsoleClient guesser = new ConsoleClient(this.port, "127.0.0.21");
		failRepeatedly(guesser, this.admin, 6);

		String whileWaiting = guesser.signIn(this.admin, Fixtures.PASSWORD).header("Location");
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		String afterTheWait = guesser.signIn(this.admin, Fixtures.PASSWORD).header("Location");

		assertThat(whileWaiting).endsWith("/login?throttled");
		assertThat(afterTheWait).doesNotContain("/login").endsWith("/");
	}

	@Test
	void oneAddressGuessingManyAccountsIsSlowedDownForEveryAccount() {
		ConsoleClient sprayer = new ConsoleClient(this.port, "127.0.0.31");
		for (int i = 0; i < 21; i++) {
			failRepeatedly(sprayer, this.admin + "-sprayed-" + i, 1);
		}

		assertThat(sprayer.signIn(this.admin, Fixtures.PASSWORD).header("Location")).endsWith("/login?throttled");
		assertThat(new ConsoleClient(this.port, "127.0.0.32").signIn(this.admin, Fixtures.PASSWORD).header("Location"))
			.endsWith("/");
	}

	/**
	 * The in-memory throttle this replaced judged every newcomer by one shared overflow
	 * entry once its table was full (110 failures here locked out everyone with
	 * {@code max-tracked=100}). There is no such table now; LoginThrottleUnitTests runs
	 * 2,000 names; this checks the same over HTTP at a cost a test run can afford.
	 */
	@Test
	void manyFailingNamesFromManyAddressesNeverLockOutAFreshSignIn() {
		for (int i = 1; i <= 30; i++) {
			ConsoleClient stranger = new ConsoleClient(this.port, "127.0.1." + i);
			failRepeatedly(stranger, this.admin + "-nobody-" + i, 1);
		}

		ConsoleClient owner = new ConsoleClient(this.port, "127.0.0.41");

		assertThat(owner.signIn(this.admin, Fixtures.PASSWORD).header("Location")).endsWith("/");
	}

	private static void failRepeatedly(ConsoleClient client, String username, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(client.signIn(username, "wrong password " + i).header("Location")).endsWith("/login?error");
		}
	}

}
