package dev.latchkey.auth;

import org.springframework.security.core.AuthenticationException;

/**
 * A presented token was refused, and the refusal recorded. The client is told nothing of
 * why; only whether its address has sent too many.
 */
final class InvalidToken extends AuthenticationException {

	private final transient TokenGate.Refused refusal;

	InvalidToken(TokenGate.Refused refusal) {
		super("Invalid token");
		this.refusal = refusal;
	}

	TokenGate.Refused refusal() {
		return this.refusal;
	}

}
