package dev.latchkey.testing;

import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;

/**
 * Refusals for web slices, where the use case is a mock: the controller and the problem
 * advice see only a {@link ProblemException} of a type, whichever rule raised it.
 */
public final class TestProblems {

	private TestProblems() {
	}

	/** A 409 of the given type, as a use case refusing a change of state throws it. */
	public static ProblemException conflict(String slug) {
		return new Refusal(new ProblemType(slug, 409, "Conflict"), "The change conflicts with the current state.");
	}

	private static final class Refusal extends ProblemException {

		Refusal(ProblemType type, String detail) {
			super(type, detail);
		}

	}

}
