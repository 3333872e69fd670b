package dev.latchkey.client;

import java.time.Instant;
import java.util.UUID;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.OrganisationId;

/**
 * A registered resource server of one organisation. Holds the digest of its secret, never
 * the secret.
 */
public record ResourceClient(UUID id, OrganisationId organisationId, String name, String clientId, String secretDigest,
		boolean enabled, Instant createdAt, String createdBy) {

	public ResourceClient {
		if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRequest("'name' is 1 to 100 characters without control characters.");
		}
	}

	ResourceClient withEnabled(boolean newEnabled) {
		return new ResourceClient(this.id, this.organisationId, this.name, this.clientId, this.secretDigest, newEnabled,
				this.createdAt, this.createdBy);
	}

	ResourceClient withSecretDigest(String newDigest) {
		return new ResourceClient(this.id, this.organisationId, this.name, this.clientId, newDigest, this.enabled,
				this.createdAt, this.createdBy);
	}

	@Override
	public String toString() {
		return "ResourceClient[clientId=" + this.clientId + ", name=" + this.name + "]";
	}

}
