package dev.latchkey.token;

/**
 * Why a token is not active.
 */
public enum StatusReason {

	REVOKED_BY_OWNER, REVOKED_BY_ADMIN, LOGOUT, USER_DEACTIVATED, LICENSE_REMOVED,

	/**
	 * Not created, used or re-approved for as many days as the organisation's policy
	 * allows (SPEC §9): re-approvable like any revocation.
	 */
	UNUSED,

	/** Reported as leaked: never re-approvable. */
	LEAKED,

	EXPIRED

}
