package dev.latchkey.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on token authentication ({@code latchkey.auth.*}).
 *
 * @param refusalsPerWindow how many refused token authentications one client address may
 * cause per window; beyond that its token requests get 429 until the window ends
 * @param refusalWindow the window
 * @param maxRequestBytes the largest request body accepted anywhere (413 beyond)
 */
@ConfigurationProperties("latchkey.auth")
public record AuthSettings(@DefaultValue("20") int refusalsPerWindow, @DefaultValue("1m") Duration refusalWindow,
		@DefaultValue("1048576") long maxRequestBytes) {

	public AuthSettings {
		if (refusalsPerWindow < 1) {
			throw new IllegalArgumentException("latchkey.auth.refusals-per-window must be at least 1");
		}
		if (refusalWindow.isNegative() || refusalWindow.isZero()) {
			throw new IllegalArgumentException("latchkey.auth.refusal-window must be positive");
		}
		if (maxRequestBytes < 1024) {
			throw new IllegalArgumentException("latchkey.auth.max-request-bytes must be at least 1024");
		}
	}

}
