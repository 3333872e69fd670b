package dev.latchkey.token;

import java.security.SecureRandom;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenChecksumUnitTests {

	private final TokenFormat format = new TokenFormat("lkp_", new SecureRandom());

	@Test
	void generatedTokensParseAndAnyChangedCharacterIsRefused() {
		for (int i = 0; i < 1_000; i++) {
			String token = this.format.generate().reveal();
			int at = 4 + i % (token.length() - 4);
			char changed = (token.charAt(at) == 'a') ? 'b' : 'a';

			assertThat(this.format.parse(token)).isPresent();
			assertThat(this.format.parse(token.substring(0, at) + changed + token.substring(at + 1))).isEmpty();
		}
	}

	@Test
	void theChecksumIsTheBase62Crc32OfEveryCharacterBeforeIt() {
		for (int i = 0; i < 1_000; i++) {
			String token = this.format.generate().reveal();
			String body = token.substring(0, token.length() - 6);

			assertThat(token.substring(body.length())).isEqualTo(referenceChecksum(body));
		}
	}

	@Test
	void charactersOutsideTheAlphabetAreRefused() {
		String token = this.format.generate().reveal();

		assertThat(this.format.parse(token.substring(0, 10) + "é" + token.substring(11))).isEmpty();
		assertThat(this.format.parse(token.substring(0, 10) + "-" + token.substring(11))).isEmpty();
	}

	/** SPEC §4, written out the slow, obvious way. */
	private static String referenceChecksum(String body) {
		CRC32 crc = new CRC32();
		for (char c : body.toCharArray()) {
			crc.update(c);
		}
		long value = crc.getValue();
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			digits.insert(0, TokenFormat.ALPHABET.charAt((int) (value % 62)));
			value /= 62;
		}
		return digits.toString();
	}

}
