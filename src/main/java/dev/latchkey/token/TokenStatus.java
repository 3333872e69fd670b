package dev.latchkey.token;

/**
 * Whether a token authenticates ({@link #ACTIVE}) and, if not, whether it can come back
 * ({@link #REVOKED}, until it expires) or not ({@link #EXPIRED}).
 */
public enum TokenStatus {

	ACTIVE, REVOKED, EXPIRED

}
