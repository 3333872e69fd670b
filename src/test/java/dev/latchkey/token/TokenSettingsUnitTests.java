package dev.latchkey.token;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class TokenSettingsUnitTests {

	private static final Duration FLUSH = Duration.ofSeconds(30);

	private static final Duration EXPIRY_CHECK = Duration.ofSeconds(60);

	private static final Duration AUDIT = Duration.ofHours(1);

	@Test
	void theDefaultsAreValid() {
		// when / then
		assertThatNoException().isThrownBy(() -> new TokenSettings("lkp_", FLUSH, EXPIRY_CHECK, AUDIT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "lkp_", "ab_", "acme_", "a1_", "a123456789_" })
	void aPrefixOfTwoToTenLowerCaseLettersOrDigitsAndAnUnderscoreIsAccepted(String prefix) {
		// when / then
		assertThatNoException().isThrownBy(() -> new TokenSettings(prefix, FLUSH, EXPIRY_CHECK, AUDIT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "_", "a_", "a1234567890_", "lkp", "Lkp_", "1kp_", "lk-p_", "lkp__", "lkp_x" })
	void anyOtherPrefixIsRefused(String prefix) {
		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenSettings(prefix, FLUSH, EXPIRY_CHECK, AUDIT))
			.withMessageContaining("prefix");
	}

	@Test
	void lastUsedTimesAreFlushedEvery100MillisecondsToSixtySeconds() {
		// when / then
		assertThatNoException().isThrownBy(() -> settings(Duration.ofMillis(100), EXPIRY_CHECK, AUDIT));
		assertThatNoException().isThrownBy(() -> settings(Duration.ofSeconds(60), EXPIRY_CHECK, AUDIT));
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ofMillis(99), EXPIRY_CHECK, AUDIT))
			.withMessageContaining("last-used-flush-interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(Duration.ofSeconds(60).plusMillis(1), EXPIRY_CHECK, AUDIT))
			.withMessageContaining("last-used-flush-interval");
	}

	@Test
	void expiryIsCheckedEvery100MillisecondsToOneHour() {
		// when / then
		assertThatNoException().isThrownBy(() -> settings(FLUSH, Duration.ofMillis(100), AUDIT));
		assertThatNoException().isThrownBy(() -> settings(FLUSH, Duration.ofHours(1), AUDIT));
		assertThatIllegalArgumentException().isThrownBy(() -> settings(FLUSH, Duration.ofMillis(99), AUDIT))
			.withMessageContaining("expiry-check-interval");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(FLUSH, Duration.ofHours(1).plusMillis(1), AUDIT))
			.withMessageContaining("expiry-check-interval");
	}

	@Test
	void aTokensUseIsAuditedAtMostEverySecondToOneDay() {
		// when / then
		assertThatNoException().isThrownBy(() -> settings(FLUSH, EXPIRY_CHECK, Duration.ofSeconds(1)));
		assertThatNoException().isThrownBy(() -> settings(FLUSH, EXPIRY_CHECK, Duration.ofDays(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> settings(FLUSH, EXPIRY_CHECK, Duration.ofMillis(999)))
			.withMessageContaining("authenticated-audit-interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(FLUSH, EXPIRY_CHECK, Duration.ofDays(1).plusSeconds(1)))
			.withMessageContaining("authenticated-audit-interval");
	}

	private static TokenSettings settings(Duration flush, Duration expiryCheck, Duration audit) {
		return new TokenSettings("lkp_", flush, expiryCheck, audit);
	}

}
