package dev.latchkey.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide webhook settings ({@code latchkey.webhooks.*}), checked once at
 * start.
 *
 * @param allowInsecureDestinations lifts the SSRF guard: plain http and private, loopback
 * or link-local addresses become allowed (tests and labs only)
 * @param sendInterval how often due deliveries are looked for (SPEC §9: the first attempt
 * within 10 s of the event)
 * @param connectTimeout how long a connection to a receiver may take
 * @param requestTimeout how long a receiver may take to answer
 * @param retryFor how long after the event a delivery is retried before it is failed
 * @param retention how long delivered and failed deliveries are kept for the log
 * @param maxPerOrganisation how many webhooks one organisation may register
 */
@ConfigurationProperties("latchkey.webhooks")
public record WebhookSettings(@DefaultValue("false") boolean allowInsecureDestinations,
		@DefaultValue("2s") Duration sendInterval, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("24h") Duration retryFor,
		@DefaultValue("30d") Duration retention, @DefaultValue("20") int maxPerOrganisation) {

	public WebhookSettings {
		requireBetween("send-interval", sendInterval, Duration.ofMillis(100), Duration.ofSeconds(8));
		requireBetween("connect-timeout", connectTimeout, Duration.ofMillis(100), Duration.ofSeconds(30));
		requireBetween("request-timeout", requestTimeout, Duration.ofMillis(100), Duration.ofSeconds(60));
		requireBetween("retry-for", retryFor, Duration.ofMinutes(1), Duration.ofDays(7));
		requireBetween("retention", retention, Duration.ofDays(1), Duration.ofDays(365));
		if (maxPerOrganisation < 1 || maxPerOrganisation > 1000) {
			throw new IllegalArgumentException("latchkey.webhooks.max-per-organisation must be between 1 and 1000");
		}
	}

	private static void requireBetween(String name, Duration value, Duration min, Duration max) {
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new IllegalArgumentException("latchkey.webhooks." + name + " must be between " + min + " and " + max);
		}
	}

}
