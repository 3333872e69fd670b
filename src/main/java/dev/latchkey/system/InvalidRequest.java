package dev.latchkey.system;

import org.jspecify.annotations.Nullable;

/**
 * The request is well-formed JSON but asks for something the rules do not allow (a
 * lifetime over the maximum, a date in the past, ...). When one query parameter is at
 * fault, the problem names it in a {@code parameter} property, so a client can point at
 * the field without parsing the detail.
 */
public class InvalidRequest extends ProblemException {

	private static final ProblemType TYPE = new ProblemType("invalid-request", 400, "Invalid request");

	private final @Nullable String parameter;

	public InvalidRequest(String detail) {
		this(detail, null);
	}

	private InvalidRequest(String detail, @Nullable String parameter) {
		super(TYPE, detail);
		this.parameter = parameter;
	}

	/** A refusal of one query parameter; the detail should name it too. */
	public static InvalidRequest parameter(String parameter, String detail) {
		return new InvalidRequest(detail, parameter);
	}

	public @Nullable String parameter() {
		return this.parameter;
	}

}
