package dev.latchkey.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the invalidation listener keeps its PostgreSQL connection
 * ({@code latchkey.cluster.*}), checked once at start.
 *
 * @param listen whether to listen for other instances' notices on PostgreSQL
 * @param reconnectMinBackoff the first wait before reconnecting, doubled on every failed
 * attempt
 * @param reconnectMaxBackoff the longest wait between reconnection attempts
 * @param livenessCheckInterval how long the connection may stay silent before it is
 * tested with a query, so that a connection lost without a word is noticed
 */
@ConfigurationProperties("latchkey.cluster")
public record ClusterSettings(@DefaultValue("true") boolean listen, @DefaultValue("100ms") Duration reconnectMinBackoff,
		@DefaultValue("5s") Duration reconnectMaxBackoff, @DefaultValue("5s") Duration livenessCheckInterval) {

	public ClusterSettings {
		requireBetween("reconnect-min-backoff", reconnectMinBackoff, Duration.ofMillis(10), Duration.ofMinutes(1));
		requireBetween("reconnect-max-backoff", reconnectMaxBackoff, reconnectMinBackoff, Duration.ofMinutes(5));
		requireBetween("liveness-check-interval", livenessCheckInterval, Duration.ofMillis(100), Duration.ofMinutes(5));
	}

	private static void requireBetween(String name, Duration value, Duration min, Duration max) {
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new IllegalArgumentException("latchkey.cluster." + name + " must be between " + min + " and " + max);
		}
	}

}
