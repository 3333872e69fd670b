package dev.latchkey.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How refused token authentications reach the audit trail ({@code latchkey.audit.*}),
 * checked once at start.
 *
 * @param refusalFlushInterval how often the refusals counted in memory are written, as
 * one event per organisation, client address, token and reason
 */
@ConfigurationProperties("latchkey.audit")
record RefusalAuditSettings(@DefaultValue("60s") Duration refusalFlushInterval) {

	RefusalAuditSettings {
		if (refusalFlushInterval.compareTo(Duration.ofMillis(100)) < 0
				|| refusalFlushInterval.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("latchkey.audit.refusal-flush-interval must be between 100ms and 1h");
		}
	}

}
