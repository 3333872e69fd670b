package dev.latchkey.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random secrets and their digests, for credentials other than tokens (client secrets).
 */
public final class Secrets {

	/** The alphabet of every generated secret and of the token checksum (SPEC §4). */
	public static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final MessageDigest SHA_256;

	static {
		try {
			SHA_256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	private Secrets() {
	}

	public static String base62(SecureRandom random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(BASE62.charAt(random.nextInt(BASE62.length())));
		}
		return text.toString();
	}

	/**
	 * Digests a secret. Every token verification does this, so each call clones a
	 * prepared digest rather than asking the security providers for one (about 4 % of a
	 * cached verification's samples, docs/performance.md).
	 */
	public static String sha256Hex(String secret) {
		return HexFormat.of().formatHex(sha256().digest(secret.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest sha256() {
		try {
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The JVM's SHA-256 cannot be cloned", ex);
		}
	}

	/** Compares in time independent of where the values differ. */
	public static boolean equal(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
