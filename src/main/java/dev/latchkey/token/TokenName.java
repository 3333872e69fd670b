package dev.latchkey.token;

import dev.latchkey.system.InvalidRequest;

/**
 * A token's name: 1 to 100 characters, not blank, no control characters; unique among its
 * owner's tokens.
 */
public record TokenName(String value) {

	public static final int MAX_LENGTH = 100;

	public TokenName {
		if (value.isBlank()) {
			throw new InvalidRequest("'name' must not be blank.");
		}
		if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
			throw new InvalidRequest("'name' has at most " + MAX_LENGTH + " characters.");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRequest("'name' must not contain control characters.");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
