package dev.latchkey.token;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The SHA-256 digest, the only form in which a secret is stored and looked up.
 */
class TokenDigestUnitTests {

	private final TokenFormat format = new TokenFormat("lkp_", new SecureRandom());

	@Test
	void aDigestIsSixtyFourLowerCaseHexDigits() {
		// given
		TokenSecret secret = this.format.generate();

		// when
		TokenDigest digest = secret.digest();

		// then
		assertThat(digest.hex()).matches("[0-9a-f]{64}");
	}

	@Test
	void aDigestIsSha256() {
		// when
		TokenDigest digest = TokenDigest.of("abc");

		// then
		assertThat(digest.hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void theSameSecretAlwaysGivesTheSameDigest() {
		// given
		TokenSecret secret = this.format.generate();
		TokenSecret presented = this.format.parse(secret.reveal()).orElseThrow();

		// when / then
		assertThat(presented.digest()).isEqualTo(secret.digest());
		assertThat(presented.digest().matches(secret.digest())).isTrue();
	}

	@Test
	void differentSecretsDoNotMatch() {
		// given
		TokenDigest one = this.format.generate().digest();
		TokenDigest other = this.format.generate().digest();

		// when / then
		assertThat(one).isNotEqualTo(other);
		assertThat(one.matches(other)).isFalse();
	}

	@Test
	void aDigestThatDiffersOnlyInItsLastDigitDoesNotMatch() {
		// given
		TokenDigest digest = this.format.generate().digest();
		String hex = digest.hex();
		char last = hex.charAt(63);
		TokenDigest almost = new TokenDigest(hex.substring(0, 63) + ((last == '0') ? '1' : '0'));

		// when / then
		assertThat(digest.matches(almost)).isFalse();
	}

	@Test
	void aDigestOfAnotherLengthIsRefused() {
		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenDigest("abc"));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenDigest("0".repeat(65)));
	}

}
