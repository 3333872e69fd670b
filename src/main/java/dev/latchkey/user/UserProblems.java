package dev.latchkey.user;

import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;

/**
 * The refusals of user management, each with its own stable problem type.
 */
public final class UserProblems {

	private UserProblems() {
	}

	/** The username is taken somewhere in the installation. */
	public static class UsernameTaken extends ProblemException {

		UsernameTaken(String username) {
			super(new ProblemType("username-taken", 409, "Username taken"),
					"The username '" + username + "' is already in use.");
		}

	}

	/** Every license seat of the organisation is held. */
	public static class NoLicenseSeatLeft extends ProblemException {

		NoLicenseSeatLeft(int seats) {
			super(new ProblemType("no-license-seat", 409, "No license seat left"), "All " + seats
					+ " license seats of the organisation are in use. Remove a license from another user or ask the operator for more seats.");
		}

	}

	/** The change would leave the organisation without an active admin. */
	public static class LastAdmin extends ProblemException {

		LastAdmin() {
			super(new ProblemType("last-admin", 409, "Last active admin"),
					"This is the organisation's last active admin. Make another user an active ORG_ADMIN first.");
		}

	}

	/** The password does not meet the rules. */
	public static class WeakPassword extends ProblemException {

		WeakPassword(String detail) {
			super(new ProblemType("weak-password", 400, "Password not accepted"), detail);
		}

	}

}
