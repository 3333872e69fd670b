package dev.latchkey.cluster;

import java.util.Optional;
import java.util.UUID;

/**
 * Something changed that may change whether a token authenticates. Sent between instances
 * as {@code <scope>:<uuid>}: never a digest or a secret.
 */
public record Invalidation(Scope scope, UUID id) {

	public static Invalidation token(UUID id) {
		return new Invalidation(Scope.TOKEN, id);
	}

	public static Invalidation user(UUID id) {
		return new Invalidation(Scope.USER, id);
	}

	public static Invalidation organisation(UUID id) {
		return new Invalidation(Scope.ORGANISATION, id);
	}

	public static Invalidation client(UUID id) {
		return new Invalidation(Scope.CLIENT, id);
	}

	String payload() {
		return this.scope.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.id;
	}

	/** The invalidation a payload describes; empty if it is not one we send. */
	static Optional<Invalidation> parse(String payload) {
		int colon = payload.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		try {
			Scope scope = Scope.valueOf(payload.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
			return Optional.of(new Invalidation(scope, UUID.fromString(payload.substring(colon + 1))));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	public enum Scope {

		/** One token: revoked, re-approved, deleted or expired. */
		TOKEN,

		/** Every token of one user: status, license or role changed. */
		USER,

		/** Every token of one organisation: its policies or seats changed. */
		ORGANISATION,

		/** One resource-server client: disabled, enabled or given a new secret. */
		CLIENT

	}

}
