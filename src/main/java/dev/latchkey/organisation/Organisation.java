package dev.latchkey.organisation;

import java.time.Instant;
import java.util.regex.Pattern;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.OrganisationId;

/**
 * A tenant: its name, its policies and how many license seats the operator gave it.
 */
public record Organisation(OrganisationId id, String name, int licenseSeats, OrganisationPolicies policies,
		Instant createdAt) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	public Organisation {
		if (!NAME.matcher(name).matches()) {
			throw new InvalidRequest(
					"An organisation name is 1 to 63 lower-case letters, digits or '-', starting with a letter or digit.");
		}
		if (licenseSeats < 0) {
			throw new InvalidRequest("License seats cannot be negative.");
		}
	}

	public Organisation withPolicies(OrganisationPolicies newPolicies) {
		return new Organisation(this.id, this.name, this.licenseSeats, newPolicies, this.createdAt);
	}

	public Organisation withLicenseSeats(int seats) {
		return new Organisation(this.id, this.name, seats, this.policies, this.createdAt);
	}

}
