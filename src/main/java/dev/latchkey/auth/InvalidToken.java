package dev.latchkey.auth;

import dev.latchkey.token.Verification;

import org.springframework.security.core.AuthenticationException;

/**
 * A presented token was refused. The verification says why, for the audit trail; the
 * client is told nothing of it.
 */
final class InvalidToken extends AuthenticationException {

	private final transient Verification verification;

	InvalidToken(Verification verification) {
		super("Invalid token");
		this.verification = verification;
	}

	Verification verification() {
		return this.verification;
	}

}
