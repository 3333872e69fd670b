package dev.latchkey.system;

/**
 * The request is well-formed JSON but asks for something the rules do not allow (a
 * lifetime over the maximum, a date in the past, ...).
 */
public class InvalidRequest extends ProblemException {

	private static final ProblemType TYPE = new ProblemType("invalid-request", 400, "Invalid request");

	public InvalidRequest(String detail) {
		super(TYPE, detail);
	}

}
