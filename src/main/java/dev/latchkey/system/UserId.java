package dev.latchkey.system;

import java.util.UUID;

/**
 * Identifies a user across the installation.
 */
public record UserId(UUID value) {

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	public static UserId parse(String text) {
		return new UserId(Ids.parse(text, "user"));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
