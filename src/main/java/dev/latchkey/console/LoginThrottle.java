package dev.latchkey.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.latchkey.console.SignInFailures.Failures;
import dev.latchkey.system.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing in the console. Failures are counted per account and
 * client address together, and per client address across accounts, in the shared database
 * (so every instance counts the same). A failure beyond the free ones makes the next
 * attempt of that pair (or address) wait, and an attempt during the wait is refused
 * without checking the password, so guessing speed is bounded whatever the attacker
 * sends. Nothing is counted per account alone: failures from one address never keep the
 * right password from another address out (SPEC §10), and with no table to fill there is
 * no overflow that could lock everyone out. Success clears the pair, not the address (one
 * known password must not reset an address that is guessing others).
 */
@Component
class LoginThrottle {

	private final LoginThrottleSettings settings;

	private final SignInFailures failures;

	private final Clock clock;

	LoginThrottle(LoginThrottleSettings settings, SignInFailures failures, Clock clock) {
		this.settings = settings;
		this.failures = failures;
		this.clock = clock;
	}

	/** How long the caller must still wait before an attempt is checked; zero if not. */
	Duration waitBefore(String username, String clientIp) {
		Instant now = this.clock.instant();
		String pair = pair(username, clientIp);
		String client = client(clientIp);
		Map<String, Failures> recorded = this.failures.find(List.of(pair, client));
		Duration pairWait = wait(recorded.get(pair), this.settings.freeFailuresPerAccount(), now);
		Duration clientWait = wait(recorded.get(client), this.settings.freeFailuresPerClient(), now);
		return (pairWait.compareTo(clientWait) >= 0) ? pairWait : clientWait;
	}

	void failed(String username, String clientIp) {
		Instant now = this.clock.instant();
		Instant forgotten = now.minus(this.settings.window());
		this.failures.count(pair(username, clientIp), now, forgotten);
		this.failures.count(client(clientIp), now, forgotten);
	}

	void succeeded(String username, String clientIp) {
		this.failures.clear(pair(username, clientIp));
	}

	/** Removes counts nobody needs any more; they are ignored once forgotten anyway. */
	void forgetOldFailures() {
		this.failures.forget(this.clock.instant().minus(this.settings.window()));
	}

	private Duration wait(@Nullable Failures recorded, int free, Instant now) {
		if (recorded == null || isForgotten(recorded, now) || recorded.count() <= free) {
			return Duration.ZERO;
		}
		Instant until = recorded.last().plus(delay(recorded.count() - free));
		return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
	}

	private Duration delay(int penalties) {
		Duration max = this.settings.maxDelay();
		Duration delay = this.settings.firstDelay().multipliedBy(1L << Math.min(penalties - 1, 30));
		return (delay.compareTo(max) > 0 || delay.isNegative()) ? max : delay;
	}

	private boolean isForgotten(Failures recorded, Instant now) {
		return !now.isBefore(recorded.last().plus(this.settings.window()));
	}

	/**
	 * Usernames are lower case; folding stops case variants from being separate counts.
	 * The address comes last, after a separator no address contains, so no two pairs
	 * share a subject.
	 */
	private static String pair(String username, String clientIp) {
		return Secrets.sha256Hex("account\u0000" + username.strip().toLowerCase(Locale.ROOT) + "\u0000" + clientIp);
	}

	private static String client(String clientIp) {
		return Secrets.sha256Hex("client\u0000" + clientIp);
	}

}
