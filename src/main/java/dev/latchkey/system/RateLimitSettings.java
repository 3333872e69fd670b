package dev.latchkey.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How rate limits are shared between instances ({@code latchkey.rate-limits.*}).
 *
 * @param syncInterval how often each instance writes what it counted to the shared
 * database and reads every instance's sums back; a limit reached across instances is seen
 * everywhere within about this long
 * @param maxKeys how many client addresses each limit tracks per window on one instance;
 * beyond that, new addresses are not counted until the window ends (never the other way
 * round: an overflow must not limit everyone)
 */
@ConfigurationProperties("latchkey.rate-limits")
public record RateLimitSettings(@DefaultValue("1s") Duration syncInterval, @DefaultValue("100000") int maxKeys) {

	public RateLimitSettings {
		if (syncInterval.compareTo(Duration.ofMillis(100)) < 0 || syncInterval.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("latchkey.rate-limits.sync-interval must be between 100ms and 1m");
		}
		if (maxKeys < 100) {
			throw new IllegalArgumentException("latchkey.rate-limits.max-keys must be at least 100");
		}
	}

}
