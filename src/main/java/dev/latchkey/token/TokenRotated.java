package dev.latchkey.token;

import java.time.Instant;

/**
 * A token got a new secret; the old one works until {@code previousValidUntil}.
 */
public record TokenRotated(TokenFacts token, Instant occurredAt, Instant previousValidUntil) implements TokenEvent {

	public static final String TYPE = "token.rotated";

	@Override
	public String type() {
		return TYPE;
	}

}
