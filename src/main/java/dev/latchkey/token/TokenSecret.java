package dev.latchkey.token;

/**
 * A token secret in full. It exists in memory only: between generation and the create
 * response, or while a presented token is verified. {@link #toString()} shows the hint,
 * never the secret, so it cannot leak through a log line or an exception message by
 * accident.
 */
public final class TokenSecret {

	private final String value;

	private final String prefix;

	TokenSecret(String value, String prefix) {
		this.value = value;
		this.prefix = prefix;
	}

	/** The secret itself, for the one response that shows it. */
	public String reveal() {
		return this.value;
	}

	public TokenDigest digest() {
		return TokenDigest.of(this.value);
	}

	/**
	 * The prefix and the last four characters, e.g. {@code lkp_…x7Qa}: enough to tell
	 * tokens apart.
	 */
	public String hint() {
		return this.prefix + "…" + this.value.substring(this.value.length() - 4);
	}

	@Override
	public String toString() {
		return "TokenSecret[" + hint() + "]";
	}

}
