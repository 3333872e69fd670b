package dev.latchkey.token;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide token settings ({@code latchkey.tokens.*}), checked once at start.
 *
 * @param prefix what every token of this installation starts with
 * @param lastUsedFlushInterval how often last-used times are written (at most 60 s, SPEC
 * rule 13)
 * @param expiryCheckInterval how often expired tokens are marked and audited
 * @param authenticatedAuditInterval how often, at most, one token's use is written to the
 * audit trail
 * @param unusedCheckInterval how often tokens unused for as long as their organisation
 * allows are revoked (SPEC §9)
 * @param reminderCheckInterval how often due expiry reminders are claimed and announced
 * (SPEC §9)
 */
@ConfigurationProperties("latchkey.tokens")
public record TokenSettings(@DefaultValue("lkp_") String prefix, @DefaultValue("30s") Duration lastUsedFlushInterval,
		@DefaultValue("60s") Duration expiryCheckInterval, @DefaultValue("1h") Duration authenticatedAuditInterval,
		@DefaultValue("1h") Duration unusedCheckInterval, @DefaultValue("5m") Duration reminderCheckInterval) {

	private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,9}_");

	@ConstructorBinding
	public TokenSettings {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException(
					"latchkey.tokens.prefix must be 2 to 10 lower-case letters or digits followed by '_'");
		}
		requireBetween("last-used-flush-interval", lastUsedFlushInterval, Duration.ofMillis(100),
				Duration.ofSeconds(60));
		requireBetween("expiry-check-interval", expiryCheckInterval, Duration.ofMillis(100), Duration.ofHours(1));
		requireBetween("authenticated-audit-interval", authenticatedAuditInterval, Duration.ofSeconds(1),
				Duration.ofDays(1));
		requireBetween("unused-check-interval", unusedCheckInterval, Duration.ofMillis(100), Duration.ofDays(1));
		requireBetween("reminder-check-interval", reminderCheckInterval, Duration.ofMillis(100), Duration.ofHours(1));
	}

	/** The settings of the SPEC §2 jobs, with the SPEC §9 intervals at their defaults. */
	public TokenSettings(String prefix, Duration lastUsedFlushInterval, Duration expiryCheckInterval,
			Duration authenticatedAuditInterval) {
		this(prefix, lastUsedFlushInterval, expiryCheckInterval, authenticatedAuditInterval, Duration.ofHours(1),
				Duration.ofMinutes(5));
	}

	private static void requireBetween(String name, Duration value, Duration min, Duration max) {
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new IllegalArgumentException("latchkey.tokens." + name + " must be between " + min + " and " + max);
		}
	}

}
