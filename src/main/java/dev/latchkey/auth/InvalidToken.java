package dev.latchkey.auth;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A presented token was refused, and the refusal recorded. The client is told nothing of
 * why (RFC 6750 {@code invalid_token}, no description); only whether its address has sent
 * too many.
 */
final class InvalidToken extends OAuth2AuthenticationException {

	private final transient TokenGate.Refused refusal;

	InvalidToken(TokenGate.Refused refusal) {
		super(new OAuth2Error("invalid_token"), "Invalid token");
		this.refusal = refusal;
	}

	TokenGate.Refused refusal() {
		return this.refusal;
	}

}
