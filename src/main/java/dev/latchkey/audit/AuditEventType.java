package dev.latchkey.audit;

/**
 * What an audit event records. The names are stable: exports and filters use them.
 */
public enum AuditEventType {

	ORGANISATION_CREATED(3), POLICIES_CHANGED(5),

	USER_CREATED(3), USER_DEACTIVATED(5), USER_REACTIVATED(3), USER_LICENSE_GRANTED(3), USER_LICENSE_REMOVED(5),
	USER_ROLE_CHANGED(5), USER_PASSWORD_CHANGED(3),

	LOGIN(3), LOGIN_FAILED(6), LOGOUT(3),

	TOKEN_CREATED(3), TOKEN_REVOKED(5), TOKEN_REAPPROVED(3), TOKEN_DELETED(3), TOKEN_EXPIRED(3), TOKEN_UPDATED(3),

	TOKEN_ROTATED(3),

	SCOPE_CREATED(3), SCOPE_DELETED(5),

	/**
	 * A token authenticated requests; written at most once per token per interval, not
	 * per request.
	 */
	TOKEN_AUTHENTICATED(3),

	/**
	 * Token authentications were refused; one event per organisation, client IP and
	 * reason per interval.
	 */
	TOKEN_AUTHENTICATION_REFUSED(6),

	/** Resource-server clients (introspection and revocation). */
	CLIENT_REGISTERED(3), CLIENT_DISABLED(5), CLIENT_ENABLED(3), CLIENT_SECRET_REPLACED(5),

	/** Webhooks (SPEC §9); never with their signing secret. */
	WEBHOOK_CREATED(3), WEBHOOK_DELETED(3),

	/** The trail was exported; the details name the range and format. */
	AUDIT_EXPORTED(3);

	/** The CEF severity of routine events, and of a type this version does not know. */
	public static final int ROUTINE_SEVERITY = 3;

	private final int cefSeverity;

	AuditEventType(int cefSeverity) {
		this.cefSeverity = cefSeverity;
	}

	/**
	 * How much a SIEM should care, on CEF's scale of 0 to 10: 3 for routine events, 5 for
	 * a change that takes access away or loosens a rule, 6 for a refused credential.
	 */
	public int cefSeverity() {
		return this.cefSeverity;
	}

}
