package dev.latchkey.token;

import java.util.UUID;

import dev.latchkey.system.Ids;

/**
 * The public, opaque identifier of a token. Unrelated to the secret.
 */
public record TokenId(UUID value) {

	public static TokenId random() {
		return new TokenId(UUID.randomUUID());
	}

	public static TokenId parse(String text) {
		return new TokenId(Ids.parse(text, "token"));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
