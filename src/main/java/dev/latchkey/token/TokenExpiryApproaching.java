package dev.latchkey.token;

import java.time.Instant;

/**
 * SPEC §9: an active token came within {@code thresholdDays} of its expiry. Published
 * exactly once per token and threshold: the reminder is claimed by a row in the database
 * before this is published.
 */
public record TokenExpiryApproaching(TokenFacts token, Instant occurredAt, int thresholdDays) implements TokenEvent {

	public static final String TYPE = "token.expiry_approaching";

	@Override
	public String type() {
		return TYPE;
	}

}
