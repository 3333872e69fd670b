package dev.latchkey.audit;

/**
 * What an audit event records. The names are stable: exports and filters use them.
 */
public enum AuditEventType {

	ORGANISATION_CREATED, POLICIES_CHANGED,

	USER_CREATED, USER_DEACTIVATED, USER_REACTIVATED, USER_LICENSE_GRANTED, USER_LICENSE_REMOVED, USER_ROLE_CHANGED,
	USER_PASSWORD_CHANGED,

	LOGIN, LOGIN_FAILED, LOGOUT,

	TOKEN_CREATED, TOKEN_REVOKED, TOKEN_REAPPROVED, TOKEN_DELETED, TOKEN_EXPIRED,

	/**
	 * A token authenticated requests; written at most once per token per interval, not
	 * per request.
	 */
	TOKEN_AUTHENTICATED,

	/**
	 * Token authentications were refused; one event per organisation, client IP and
	 * reason per interval.
	 */
	TOKEN_AUTHENTICATION_REFUSED,

	/** Resource-server clients (introspection and revocation). */
	CLIENT_REGISTERED, CLIENT_DISABLED, CLIENT_ENABLED,

	/** The trail was exported; the details name the range and format. */
	AUDIT_EXPORTED

}
