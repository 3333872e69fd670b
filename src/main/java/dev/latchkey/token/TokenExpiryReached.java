package dev.latchkey.token;

import java.time.Instant;

/**
 * A token's expiry passed and was stored.
 */
public record TokenExpiryReached(TokenFacts token, Instant occurredAt) implements TokenEvent {

	public static final String TYPE = "token.expired";

	@Override
	public String type() {
		return TYPE;
	}

}
