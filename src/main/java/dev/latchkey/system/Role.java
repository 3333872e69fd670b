package dev.latchkey.system;

/**
 * What a user may do in their organisation.
 */
public enum Role {

	/** Manages the organisation: users, tokens, policies, audit trail. */
	ORG_ADMIN,

	/** Uses the organisation's APIs; creates no tokens. */
	USER

}
