package dev.latchkey.token;

import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;

/**
 * The refusals of the token life cycle, each with its own stable problem type.
 */
public final class TokenProblems {

	private TokenProblems() {
	}

	/** The owner already holds as many tokens as their license allows. */
	public static class TokenLimitReached extends ProblemException {

		TokenLimitReached(int limit) {
			super(new ProblemType("token-limit-reached", 409, "Token limit reached"), "A license holds at most " + limit
					+ " tokens, and active and revoked tokens count until they expire. Delete a token you no longer need to free a slot.");
		}

	}

	/** The token has expired; expired tokens cannot come back. */
	public static class TokenExpired extends ProblemException {

		TokenExpired() {
			super(new ProblemType("token-expired", 409, "Token expired"),
					"The token has expired and cannot be re-approved. Create a new token instead.");
		}

	}

	/** The token was reported as leaked; it must never authenticate again. */
	public static class TokenLeaked extends ProblemException {

		TokenLeaked() {
			super(new ProblemType("token-leaked", 409, "Token leaked"),
					"The token was revoked because it leaked and cannot be re-approved. Create a new token instead.");
		}

	}

	/** The owner is deactivated. */
	public static class OwnerDeactivated extends ProblemException {

		OwnerDeactivated() {
			super(new ProblemType("owner-deactivated", 409, "Owner deactivated"),
					"The token's owner is deactivated. Reactivate the user first.");
		}

	}

	/** The owner holds no license seat. */
	public static class OwnerUnlicensed extends ProblemException {

		OwnerUnlicensed() {
			super(new ProblemType("owner-unlicensed", 409, "Owner has no license"),
					"The token's owner holds no license seat. Grant the user a license first.");
		}

	}

	/** The owner already has a token of that name. */
	public static class TokenNameTaken extends ProblemException {

		TokenNameTaken(TokenName name) {
			super(new ProblemType("token-name-taken", 409, "Token name taken"),
					"You already have a token named '" + name + "'. Choose another name or delete that token.");
		}

	}

	/** The requested expiry is not allowed. */
	public static class InvalidExpiry extends ProblemException {

		InvalidExpiry(String detail) {
			super(new ProblemType("invalid-expiry", 400, "Invalid expiry"), detail);
		}

	}

	public static class TokenChangedConcurrently extends ProblemException {

		TokenChangedConcurrently() {
			super(new ProblemType("conflict", 409, "Conflict"),
					"The token kept changing while this request tried to change it. Read it again and retry.");
		}

	}

	/** A scope name that is not shaped like one. */
	public static class MalformedScope extends ProblemException {

		MalformedScope() {
			super(new ProblemType("invalid-scope", 400, "Invalid scope"),
					"A scope name starts with a lowercase letter followed by at most 63 lowercase letters, digits "
							+ "or '_', '.', ':', '-'.");
		}

	}

	/** A well-formed scope name that neither Latchkey nor the organisation defines. */
	public static class UnknownScope extends ProblemException {

		UnknownScope(Scope scope) {
			super(new ProblemType("unknown-scope", 400, "Unknown scope"), "There is no scope '" + scope
					+ "' in this organisation. Define it first (POST /api/v1/scopes) or choose one of GET /api/v1/scopes.");
		}

	}

	/** A change that would let a token do more than it may now. */
	public static class ScopeWidening extends ProblemException {

		ScopeWidening() {
			super(new ProblemType("scope-widening", 409, "Scopes can only be narrowed"),
					"A token's scopes can be narrowed but never widened. Create a new token for the wider scopes.");
		}

	}

	/** The organisation already has a scope of that name, or it is a built-in one. */
	public static class ScopeExists extends ProblemException {

		ScopeExists(Scope scope) {
			super(new ProblemType("scope-exists", 409, "Scope exists"), "The scope '" + scope + "' already exists.");
		}

	}

	/** A scope that a token holds, or a built-in one, cannot be deleted. */
	public static class ScopeInUse extends ProblemException {

		ScopeInUse(String detail) {
			super(new ProblemType("scope-in-use", 409, "Scope in use"), detail);
		}

	}

	/** An organisation holds at most so many scopes of its own. */
	public static class ScopeLimitReached extends ProblemException {

		ScopeLimitReached(int limit) {
			super(new ProblemType("scope-limit-reached", 409, "Scope limit reached"), "An organisation defines at most "
					+ limit + " scopes of its own. Delete one that no token holds to make room.");
		}

	}

	/** An allowlist entry that is not an address or block the allowlist accepts. */
	public static class InvalidAllowedIps extends ProblemException {

		InvalidAllowedIps(String detail) {
			super(new ProblemType("invalid-allowed-ips", 400, "Invalid allowed IPs"), detail);
		}

	}

	/** The token is revoked: only an active token can be rotated. */
	public static class TokenNotActive extends ProblemException {

		TokenNotActive() {
			super(new ProblemType("token-not-active", 409, "Token not active"),
					"Only an active token can be rotated. Re-approve it first, or create a new token.");
		}

	}

}
