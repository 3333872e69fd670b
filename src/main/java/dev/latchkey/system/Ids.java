package dev.latchkey.system;

import java.util.UUID;

/**
 * Parses identifiers that arrive in URLs. An id that is not even well-formed names
 * nothing, so it answers like an unknown id (404), never with a parse error that would
 * tell ids apart.
 */
public final class Ids {

	private Ids() {
	}

	public static UUID parse(String text, String kind) {
		try {
			if (text.length() != 36) {
				throw new IllegalArgumentException();
			}
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFound(kind);
		}
	}

}
