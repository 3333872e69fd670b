package dev.latchkey.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed console sign-ins are slowed down
 * ({@code latchkey.console.login-throttle.*}). After the free failures within
 * {@code window}, each further failure makes the account at that client address (or the
 * client address, for any accounts) wait before its next attempt is even checked:
 * {@code firstDelay}, doubling per failure up to {@code maxDelay}.
 *
 * @param freeFailuresPerAccount failures of one username from one client address before
 * waits begin
 * @param freeFailuresPerClient failures from one client address (any usernames) before
 * waits begin
 * @param window how long a failure is remembered after the last one
 * @param firstDelay the first wait
 * @param maxDelay the longest wait
 */
@ConfigurationProperties("latchkey.console.login-throttle")
record LoginThrottleSettings(@DefaultValue("5") int freeFailuresPerAccount,
		@DefaultValue("20") int freeFailuresPerClient, @DefaultValue("15m") Duration window,
		@DefaultValue("1s") Duration firstDelay, @DefaultValue("5m") Duration maxDelay) {

	LoginThrottleSettings {
		if (freeFailuresPerAccount < 1 || freeFailuresPerClient < 1) {
			throw new IllegalArgumentException("latchkey.console.login-throttle: free failures must be at least 1");
		}
		if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
				|| window.compareTo(maxDelay) < 0) {
			throw new IllegalArgumentException(
					"latchkey.console.login-throttle: need 0 < first-delay <= max-delay <= window");
		}
	}

}
