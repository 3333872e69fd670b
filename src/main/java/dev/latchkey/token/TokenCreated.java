package dev.latchkey.token;

import java.time.Instant;

/**
 * A token was created (by its owner, or by the operator for its owner).
 */
public record TokenCreated(TokenFacts token, Instant occurredAt) implements TokenEvent {

	public static final String TYPE = "token.created";

	@Override
	public String type() {
		return TYPE;
	}

}
