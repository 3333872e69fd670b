package dev.latchkey.system;

/**
 * Nothing of that kind with that id is visible to the caller, whether it does not exist
 * or belongs to another organisation.
 */
public class NotFound extends ProblemException {

	private static final ProblemType TYPE = new ProblemType("not-found", 404, "Not found");

	public NotFound(String kind) {
		super(TYPE, "No " + kind + " with that id exists in your organisation.");
	}

}
