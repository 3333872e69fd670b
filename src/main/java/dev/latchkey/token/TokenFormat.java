package dev.latchkey.token;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

import dev.latchkey.system.Secrets;

/**
 * The token format of SPEC §4: a prefix, 30 base62 characters from a CSPRNG (178 bits),
 * and a 6-character base62 CRC32 of everything before it. The checksum lets malformed or
 * mistyped tokens be refused, and secret scanners recognise ours, without any database
 * work.
 */
public final class TokenFormat {

	static final String ALPHABET = Secrets.BASE62;

	static final int RANDOM_LENGTH = 30;

	static final int CHECKSUM_LENGTH = 6;

	private static final boolean[] IN_ALPHABET = new boolean[128];

	static {
		for (char c : ALPHABET.toCharArray()) {
			IN_ALPHABET[c] = true;
		}
	}

	private final String prefix;

	private final SecureRandom random;

	public TokenFormat(String prefix, SecureRandom random) {
		this.prefix = prefix;
		this.random = random;
	}

	public String prefix() {
		return this.prefix;
	}

	public int length() {
		return this.prefix.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
	}

	public TokenSecret generate() {
		StringBuilder token = new StringBuilder(length()).append(this.prefix)
			.append(Secrets.base62(this.random, RANDOM_LENGTH));
		token.append(checksum(token));
		return new TokenSecret(token.toString(), this.prefix);
	}

	/**
	 * Checks the shape and checksum of a presented token; empty if it cannot be one of
	 * ours.
	 */
	public Optional<TokenSecret> parse(String presented) {
		if (presented.length() != length() || !presented.startsWith(this.prefix)) {
			return Optional.empty();
		}
		for (int i = this.prefix.length(); i < presented.length(); i++) {
			char c = presented.charAt(i);
			if (c >= IN_ALPHABET.length || !IN_ALPHABET[c]) {
				return Optional.empty();
			}
		}
		int checksumAt = presented.length() - CHECKSUM_LENGTH;
		char[] expected = checksumDigits(presented, checksumAt);
		for (int i = 0; i < CHECKSUM_LENGTH; i++) {
			if (presented.charAt(checksumAt + i) != expected[i]) {
				return Optional.empty();
			}
		}
		return Optional.of(new TokenSecret(presented, this.prefix));
	}

	static String checksum(CharSequence body) {
		return new String(checksumDigits(body, body.length()));
	}

	/**
	 * Base62 of the CRC32 of the first {@code length} characters, all ASCII here: one
	 * call over a byte array rather than one per character, since every verification pays
	 * for it.
	 */
	private static char[] checksumDigits(CharSequence text, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) text.charAt(i);
		}
		CRC32 crc = new CRC32();
		crc.update(bytes);
		long value = crc.getValue();
		char[] digits = new char[CHECKSUM_LENGTH];
		for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
			digits[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
			value /= ALPHABET.length();
		}
		return digits;
	}

}
