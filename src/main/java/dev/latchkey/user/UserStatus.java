package dev.latchkey.user;

/**
 * Whether a user may sign in and use tokens.
 */
public enum UserStatus {

	ACTIVE, DEACTIVATED

}
