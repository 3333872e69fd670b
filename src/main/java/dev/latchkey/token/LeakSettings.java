package dev.latchkey.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The leak-report endpoint's limits ({@code latchkey.leaks.*}).
 *
 * @param maxTokensPerReport how many token strings one report may carry
 * @param reportsPerWindow how many reports one client IP may send per window
 * @param window the rate-limit window
 */
@ConfigurationProperties("latchkey.leaks")
public record LeakSettings(@DefaultValue("1000") int maxTokensPerReport, @DefaultValue("10") int reportsPerWindow,
		@DefaultValue("1m") Duration window) {

	public LeakSettings {
		if (maxTokensPerReport < 1 || maxTokensPerReport > 10_000) {
			throw new IllegalArgumentException("latchkey.leaks.max-tokens-per-report must be between 1 and 10000");
		}
		if (reportsPerWindow < 1) {
			throw new IllegalArgumentException("latchkey.leaks.reports-per-window must be at least 1");
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("latchkey.leaks.window must be positive");
		}
	}

}
