package dev.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 digest of a token secret, as stored and looked up. The secret carries at
 * least 160 random bits, so an unsalted fast hash is enough: there is nothing to
 * brute-force.
 */
public record TokenDigest(String hex) {

	private static final HexFormat HEX = HexFormat.of();

	public TokenDigest {
		if (hex.length() != 64) {
			throw new IllegalArgumentException("A token digest is 64 hex digits");
		}
	}

	static TokenDigest of(String secret) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return new TokenDigest(HEX.formatHex(sha256.digest(secret.getBytes(StandardCharsets.US_ASCII))));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	/** Compares in time independent of where the digests differ. */
	boolean matches(TokenDigest other) {
		return MessageDigest.isEqual(this.hex.getBytes(StandardCharsets.US_ASCII),
				other.hex.getBytes(StandardCharsets.US_ASCII));
	}

}
