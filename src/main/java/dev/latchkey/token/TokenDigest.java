package dev.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.latchkey.system.Secrets;

/**
 * The SHA-256 digest of a token secret, as stored and looked up. The secret carries at
 * least 160 random bits, so an unsalted fast hash is enough: there is nothing to
 * brute-force.
 */
public record TokenDigest(String hex) {

	public TokenDigest {
		if (hex.length() != 64) {
			throw new IllegalArgumentException("A token digest is 64 hex digits");
		}
	}

	static TokenDigest of(String secret) {
		return new TokenDigest(Secrets.sha256Hex(secret));
	}

	/** Compares in time independent of where the digests differ. */
	boolean matches(TokenDigest other) {
		return MessageDigest.isEqual(this.hex.getBytes(StandardCharsets.US_ASCII),
				other.hex.getBytes(StandardCharsets.US_ASCII));
	}

}
