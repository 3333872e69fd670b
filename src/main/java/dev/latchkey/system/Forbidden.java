package dev.latchkey.system;

/**
 * The caller is known but their role does not allow the action.
 */
public class Forbidden extends ProblemException {

	private static final ProblemType TYPE = new ProblemType("forbidden", 403, "Forbidden");

	public Forbidden(String detail) {
		super(TYPE, detail);
	}

}
