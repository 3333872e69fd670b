package dev.latchkey.token;

import dev.latchkey.system.InvalidRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenNameUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "   ", "\u2003" })
	void aBlankNameIsRefused(String blank) {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new TokenName(blank));
	}

	@Test
	void aNameOfOneHundredCharactersIsAccepted() {
		// given
		String name = "n".repeat(100);

		// when
		TokenName tokenName = new TokenName(name);

		// then
		assertThat(tokenName.value()).isEqualTo(name);
	}

	@Test
	void aNameOfOneHundredAndOneCharactersIsRefused() {
		// given
		String name = "n".repeat(101);

		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new TokenName(name))
			.withMessageContaining("100");
	}

	@Test
	void charactersOutsideTheBasicPlaneCountOnceEach() {
		// given
		String hundredRockets = "\uD83D\uDE80".repeat(100);

		// when
		TokenName name = new TokenName(hundredRockets);

		// then
		assertThat(name.value()).hasSize(200);
	}

	@Test
	void oneHundredAndOneCharactersOutsideTheBasicPlaneAreRefused() {
		// given
		String hundredAndOneRockets = "\uD83D\uDE80".repeat(101);

		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new TokenName(hundredAndOneRockets));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ci\ndeploy", "ci\tdeploy", "ci\u0000", "\u001bci", "ci\u007f", "ci\u0085" })
	void aNameWithAControlCharacterIsRefused(String name) {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new TokenName(name))
			.withMessageContaining("control");
	}

	@Test
	void aNameMayContainSpacesPunctuationAndAccents() {
		// when
		TokenName name = new TokenName("Déploiement (prod) – CI/CD #2");

		// then
		assertThat(name).hasToString("Déploiement (prod) – CI/CD #2");
	}

}
