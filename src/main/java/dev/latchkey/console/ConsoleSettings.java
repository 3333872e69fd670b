package dev.latchkey.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's housekeeping ({@code latchkey.console.*}; the sign-in throttle has its
 * own {@link LoginThrottleSettings}), checked once at start.
 *
 * @param cleanupInterval how often expired console sessions and forgotten sign-in
 * failures are deleted from the database
 */
@ConfigurationProperties("latchkey.console")
record ConsoleSettings(@DefaultValue("60s") Duration cleanupInterval) {

	ConsoleSettings {
		if (cleanupInterval.compareTo(Duration.ofSeconds(1)) < 0 || cleanupInterval.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("latchkey.console.cleanup-interval must be between 1s and 1d");
		}
	}

}
