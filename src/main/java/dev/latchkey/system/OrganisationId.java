package dev.latchkey.system;

import java.util.UUID;

/**
 * Identifies an organisation (a tenant).
 */
public record OrganisationId(UUID value) {

	public static OrganisationId random() {
		return new OrganisationId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
