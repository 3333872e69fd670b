package dev.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token format of SPEC §4: prefix, base62 randomness, base62 CRC32 checksum.
 */
class TokenFormatUnitTests {

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private final TokenFormat format = new TokenFormat("lkp_", new SecureRandom());

	@Test
	void aGeneratedTokenIsThePrefixAndFortyBase62Characters() {
		// when
		String token = this.format.generate().reveal();

		// then
		assertThat(token).matches("lkp_[0-9A-Za-z]{36}");
		assertThat(token).hasSize(40);
		assertThat(this.format.length()).isEqualTo(40);
	}

	@Test
	void aGeneratedTokenCarriesAtLeast160RandomBits() {
		// when
		double bits = TokenFormat.RANDOM_LENGTH * Math.log(62) / Math.log(2);

		// then
		assertThat(bits).isGreaterThanOrEqualTo(160);
	}

	@Test
	void generatedTokensAreDistinct() {
		// given
		Set<String> tokens = new HashSet<>();

		// when
		for (int i = 0; i < 1000; i++) {
			tokens.add(this.format.generate().reveal());
		}

		// then
		assertThat(tokens).hasSize(1000);
	}

	@Test
	void theLastSixCharactersAreTheBase62Crc32OfWhatPrecedesThem() {
		// given
		String token = this.format.generate().reveal();

		// when
		String body = token.substring(0, 34);
		String checksum = token.substring(34);

		// then
		assertThat(checksum).isEqualTo(base62Crc32(body));
	}

	@Test
	void aGeneratedTokenParses() {
		// given
		TokenSecret generated = this.format.generate();

		// when
		TokenSecret parsed = this.format.parse(generated.reveal()).orElseThrow();

		// then
		assertThat(parsed.reveal()).isEqualTo(generated.reveal());
		assertThat(parsed.digest()).isEqualTo(generated.digest());
	}

	@Test
	void aTokenWithAnotherPrefixIsRefusedEvenWithAValidChecksum() {
		// given
		String random = this.format.generate().reveal().substring(4, 34);
		String otherPrefix = withChecksum("lkq_" + random);

		// when / then
		assertThat(this.format.parse(otherPrefix)).isEmpty();
	}

	@Test
	void aTokenOfAnotherLengthIsRefused() {
		// given
		String token = this.format.generate().reveal();
		String tooShort = withChecksum(token.substring(0, 33));
		String tooLong = withChecksum(token.substring(0, 34) + "A");

		// when / then
		assertThat(this.format.parse(tooShort)).isEmpty();
		assertThat(this.format.parse(tooLong)).isEmpty();
		assertThat(this.format.parse(token + "A")).isEmpty();
		assertThat(this.format.parse(token.substring(0, 39))).isEmpty();
	}

	@Test
	void aTokenWithACharacterOutsideBase62IsRefusedEvenWithAValidChecksum() {
		// given
		String body = this.format.generate().reveal().substring(0, 34);
		String withDash = withChecksum(body.substring(0, 10) + "-" + body.substring(11));

		// when / then
		assertThat(withDash).hasSize(40);
		assertThat(this.format.parse(withDash)).isEmpty();
	}

	@Test
	void aTokenWithOneRandomCharacterChangedIsRefused() {
		// given
		String token = this.format.generate().reveal();
		char original = token.charAt(10);
		char flipped = (original == 'a') ? 'b' : 'a';

		// when
		String mistyped = token.substring(0, 10) + flipped + token.substring(11);

		// then
		assertThat(this.format.parse(mistyped)).isEmpty();
	}

	@Test
	void aTokenWithItsChecksumChangedIsRefused() {
		// given
		String token = this.format.generate().reveal();
		char last = token.charAt(39);
		char changed = (last == 'Z') ? 'Y' : 'Z';

		// when
		String tampered = token.substring(0, 39) + changed;

		// then
		assertThat(this.format.parse(tampered)).isEmpty();
	}

	@Test
	void anEmptyStringIsRefused() {
		// when / then
		assertThat(this.format.parse("")).isEmpty();
	}

	@Test
	void anInstallationCanChooseItsOwnPrefix() {
		// given
		TokenFormat acme = new TokenFormat("acme_", new SecureRandom());

		// when
		String token = acme.generate().reveal();

		// then
		assertThat(token).matches("acme_[0-9A-Za-z]{36}");
		assertThat(token.substring(35)).isEqualTo(base62Crc32(token.substring(0, 35)));
		assertThat(acme.parse(token)).isPresent();
		assertThat(this.format.parse(token)).isEmpty();
		assertThat(acme.parse(this.format.generate().reveal())).isEmpty();
	}

	private static String withChecksum(String body) {
		return body + base62Crc32(body);
	}

	/** Computed here independently of the class under test. */
	private static String base62Crc32(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		long value = crc.getValue();
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			digits.insert(0, BASE62.charAt((int) (value % 62)));
			value /= 62;
		}
		return digits.toString();
	}

}
