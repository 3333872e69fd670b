package dev.latchkey.token;

import java.time.Instant;

/**
 * A token was revoked, by a person or by a rule ({@code reason} says which).
 */
public record TokenRevoked(TokenFacts token, Instant occurredAt, StatusReason reason) implements TokenEvent {

	public static final String TYPE = "token.revoked";

	@Override
	public String type() {
		return TYPE;
	}

}
