package dev.latchkey.organisation;

import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;

/**
 * An organisation with that name already exists.
 */
public class OrganisationExists extends ProblemException {

	static final ProblemType TYPE = new ProblemType("organisation-exists", 409, "Organisation exists");

	OrganisationExists(String name) {
		super(TYPE, "An organisation named '" + name + "' already exists.");
	}

}
