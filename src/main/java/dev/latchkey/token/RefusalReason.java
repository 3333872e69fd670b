package dev.latchkey.token;

/**
 * Why a presented token was refused. Recorded in the (aggregated) audit trail; never told
 * to the caller, who gets the same answer for every reason.
 */
public enum RefusalReason {

	NONE, MALFORMED, UNKNOWN, REVOKED, EXPIRED, OWNER_DEACTIVATED, OWNER_UNLICENSED,

	/** A valid token of another organisation than the one whose API was asked. */
	OTHER_ORGANISATION,

	/** A valid token used from an address its allowlist does not admit. */
	ADDRESS_NOT_ALLOWED

}
