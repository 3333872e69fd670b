package dev.latchkey.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing in the console, per account and per client IP, in memory.
 * A failure beyond the free ones makes the next attempt wait, and an attempt during the
 * wait is refused without checking the password, so guessing speed is bounded whatever
 * the attacker sends. Success clears the account's failures (not the client's: one known
 * password must not reset a client that is guessing others). Each map is bounded; when
 * one is full of recent entries, newcomers share one overflow entry, which then slows
 * down quickly: under a flood, being slowed down is the safe failure.
 */
@Component
class LoginThrottle {

	private static final String OVERFLOW = "\u0000overflow";

	private final LoginThrottleSettings settings;

	private final Clock clock;

	private final Map<String, Failures> accounts = new ConcurrentHashMap<>();

	private final Map<String, Failures> clients = new ConcurrentHashMap<>();

	LoginThrottle(LoginThrottleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** How long the caller must still wait before an attempt is checked; zero if not. */
	Duration waitBefore(String username, String clientIp) {
		Instant now = this.clock.instant();
		Duration account = wait(lookup(this.accounts, key(username)), this.settings.freeFailuresPerAccount(), now);
		Duration client = wait(lookup(this.clients, clientIp), this.settings.freeFailuresPerClient(), now);
		return (account.compareTo(client) >= 0) ? account : client;
	}

	void failed(String username, String clientIp) {
		Instant now = this.clock.instant();
		count(this.accounts, key(username), now);
		count(this.clients, clientIp, now);
	}

	void succeeded(String username) {
		this.accounts.remove(key(username));
	}

	/**
	 * A key not tracked while the overflow entry exists is judged by the overflow entry.
	 */
	private static @Nullable Failures lookup(Map<String, Failures> map, String key) {
		Failures failures = map.get(key);
		return (failures != null) ? failures : map.get(OVERFLOW);
	}

	private Duration wait(@Nullable Failures failures, int free, Instant now) {
		if (failures == null || isForgotten(failures, now) || failures.count() <= free) {
			return Duration.ZERO;
		}
		Instant until = failures.last().plus(delay(failures.count() - free));
		return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
	}

	private Duration delay(int penalties) {
		Duration max = this.settings.maxDelay();
		Duration delay = this.settings.firstDelay().multipliedBy(1L << Math.min(penalties - 1, 30));
		return (delay.compareTo(max) > 0 || delay.isNegative()) ? max : delay;
	}

	private void count(Map<String, Failures> map, String key, Instant now) {
		if (!map.containsKey(key) && map.size() >= this.settings.maxTracked()) {
			map.values().removeIf((failures) -> isForgotten(failures, now));
			if (map.size() >= this.settings.maxTracked()) {
				key = OVERFLOW;
			}
		}
		map.compute(key, (k, failures) -> (failures == null || isForgotten(failures, now)) ? new Failures(1, now)
				: new Failures(failures.count() + 1, now));
	}

	private boolean isForgotten(Failures failures, Instant now) {
		return !now.isBefore(failures.last().plus(this.settings.window()));
	}

	/**
	 * Usernames are lower case; folding stops case variants from being separate buckets.
	 */
	private static String key(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, Instant last) {

	}

}
