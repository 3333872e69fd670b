package dev.latchkey.token;

/**
 * Why a token is not active.
 */
public enum StatusReason {

	REVOKED_BY_OWNER, REVOKED_BY_ADMIN, LOGOUT, USER_DEACTIVATED, LICENSE_REMOVED,

	/** Reported as leaked: never re-approvable. */
	LEAKED,

	EXPIRED

}
