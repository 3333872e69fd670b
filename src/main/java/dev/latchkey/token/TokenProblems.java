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

}
