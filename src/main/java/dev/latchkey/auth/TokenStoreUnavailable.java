package dev.latchkey.auth;

import org.springframework.security.core.AuthenticationException;

/**
 * Tokens cannot be checked because the token store cannot be reached: answered 503, never
 * 401 (the token may be fine) nor 200.
 */
final class TokenStoreUnavailable extends AuthenticationException {

	TokenStoreUnavailable() {
		super("Token store unavailable");
	}

}
