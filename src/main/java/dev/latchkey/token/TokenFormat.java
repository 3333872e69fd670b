package dev.latchkey.token;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The token format of SPEC §4: a prefix, 30 base62 characters from a CSPRNG (178 bits),
 * and a 6-character base62 CRC32 of everything before it. The checksum lets malformed or
 * mistyped tokens be refused, and secret scanners recognise ours, without any database
 * work.
 */
public final class TokenFormat {

	static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	static final int RANDOM_LENGTH = 30;

	static final int CHECKSUM_LENGTH = 6;

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
		StringBuilder token = new StringBuilder(length()).append(this.prefix);
		for (int i = 0; i < RANDOM_LENGTH; i++) {
			token.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
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
			if (ALPHABET.indexOf(presented.charAt(i)) < 0) {
				return Optional.empty();
			}
		}
		int checksumAt = presented.length() - CHECKSUM_LENGTH;
		if (!checksum(presented.subSequence(0, checksumAt)).equals(presented.substring(checksumAt))) {
			return Optional.empty();
		}
		return Optional.of(new TokenSecret(presented, this.prefix));
	}

	static String checksum(CharSequence body) {
		CRC32 crc = new CRC32();
		for (int i = 0; i < body.length(); i++) {
			crc.update(body.charAt(i));
		}
		long value = crc.getValue();
		char[] digits = new char[CHECKSUM_LENGTH];
		for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
			digits[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
			value /= ALPHABET.length();
		}
		return new String(digits);
	}

}
