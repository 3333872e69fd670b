package dev.latchkey.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The verification cache ({@code latchkey.tokens.cache.*}), checked once at start.
 *
 * @param maxStaleness how long an entry is kept before it is read again from the
 * database: the bound on how stale a verification can be if an invalidation notice is
 * lost
 * @param maximumSize how many tokens found in the database are kept (0 turns the cache
 * off)
 * @param negativeMaximumSize how many digests not found in the database are kept; kept
 * apart so that a flood of unknown tokens cannot push out known ones
 */
@ConfigurationProperties("latchkey.tokens.cache")
public record VerificationCacheSettings(@DefaultValue("10s") Duration maxStaleness,
		@DefaultValue("50000") int maximumSize, @DefaultValue("10000") int negativeMaximumSize) {

	public VerificationCacheSettings {
		if (maxStaleness.compareTo(Duration.ofMillis(100)) < 0 || maxStaleness.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("latchkey.tokens.cache.max-staleness must be between 100ms and 10m");
		}
		if (maximumSize < 0 || maximumSize > 10_000_000 || negativeMaximumSize < 0
				|| negativeMaximumSize > 10_000_000) {
			throw new IllegalArgumentException("latchkey.tokens.cache sizes must be between 0 and 10000000");
		}
	}

}
