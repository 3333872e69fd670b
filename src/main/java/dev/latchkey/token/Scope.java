package dev.latchkey.token;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The name of something a token may do (SPEC §8): one of the built-in {@link #API} and
 * {@link #READ_API}, or one an organisation defined for its own APIs.
 */
public record Scope(String name) implements Comparable<Scope> {

	// First: the constants below are checked against it.
	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.:-]{0,63}");

	/**
	 * Everything the token's owner may do; what every token created before scopes has.
	 */
	public static final Scope API = new Scope("api");

	/** Safe methods only (GET, HEAD, OPTIONS). */
	public static final Scope READ_API = new Scope("read_api");

	/**
	 * @throws TokenProblems.MalformedScope if the name is not shaped like a scope's
	 */
	public Scope {
		if (!isWellFormed(name)) {
			throw new TokenProblems.MalformedScope();
		}
	}

	/** Whether {@code name} is shaped like a scope's; a JSON {@code null} is not. */
	public static boolean isWellFormed(@Nullable String name) {
		return name != null && NAME.matcher(name).matches();
	}

	public boolean isBuiltIn() {
		return equals(API) || equals(READ_API);
	}

	@Override
	public int compareTo(Scope other) {
		return this.name.compareTo(other.name);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
