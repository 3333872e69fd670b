package dev.latchkey.organisation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.latchkey.system.InvalidRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class OrganisationPoliciesUnitTests {

	@Test
	void theDefaultsAreThoseOfTheSpecification() {
		// when
		OrganisationPolicies defaults = OrganisationPolicies.DEFAULTS;

		// then
		assertThat(defaults).isEqualTo(new OrganisationPolicies(10, 90, 365, true));
		assertThat(defaults.defaultLifetime()).isEqualTo(Duration.ofDays(90));
		assertThat(defaults.maxLifetime()).isEqualTo(Duration.ofDays(365));
	}

	@Test
	void oneToOneHundredTokensPerLicenseAreAllowed() {
		// when / then
		assertThatNoException().isThrownBy(() -> new OrganisationPolicies(1, 90, 365, true));
		assertThatNoException().isThrownBy(() -> new OrganisationPolicies(100, 90, 365, true));
	}

	@Test
	void noTokensPerLicenseIsRefused() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new OrganisationPolicies(0, 90, 365, true))
			.withMessageContaining("maxTokensPerLicense");
	}

	@Test
	void moreThanOneHundredTokensPerLicenseIsRefused() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new OrganisationPolicies(101, 90, 365, true))
			.withMessageContaining("maxTokensPerLicense");
	}

	@Test
	void aMaximumLifetimeOfOneDayToTenYearsIsAllowed() {
		// when / then
		assertThatNoException().isThrownBy(() -> new OrganisationPolicies(10, 1, 1, true));
		assertThatNoException().isThrownBy(() -> new OrganisationPolicies(10, 90, 3650, true));
	}

	@Test
	void aMaximumLifetimeOfNoDaysIsRefused() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new OrganisationPolicies(10, 1, 0, true))
			.withMessageContaining("maxTokenLifetimeDays");
	}

	@Test
	void aMaximumLifetimeOverTenYearsIsRefused() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new OrganisationPolicies(10, 90, 3651, true))
			.withMessageContaining("maxTokenLifetimeDays");
	}

	@Test
	void aDefaultLifetimeOfNoDaysIsRefused() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new OrganisationPolicies(10, 0, 365, true))
			.withMessageContaining("defaultTokenLifetimeDays");
	}

	@Test
	void aDefaultLifetimeEqualToTheMaximumIsAllowed() {
		// when
		OrganisationPolicies policies = new OrganisationPolicies(10, 365, 365, false);

		// then
		assertThat(policies.defaultLifetime()).isEqualTo(policies.maxLifetime());
	}

	@Test
	void aDefaultLifetimeLongerThanTheMaximumIsRefused() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new OrganisationPolicies(10, 366, 365, true))
			.withMessageContaining("defaultTokenLifetimeDays");
	}

	@Test
	void unusedTokensAreKeptAndRemindersSentSevenAndOneDaysBeforeExpiryByDefault() {
		// when
		OrganisationPolicies defaults = OrganisationPolicies.DEFAULTS;

		// then
		assertThat(defaults.revokeTokensUnusedForDays()).isNull();
		assertThat(defaults.expiryReminderDays()).containsExactly(7, 1);
	}

	@Test
	void unusedTokensMayBeRevokedAfterOneToThreeHundredSixtyFiveDays() {
		// when / then
		assertThatNoException().isThrownBy(() -> withUnusedDays(1));
		assertThatNoException().isThrownBy(() -> withUnusedDays(365));
	}

	@Test
	void revokingUnusedTokensAfterNoDaysOrMoreThanAYearIsRefusedNamingTheField() {
		// when / then
		for (int days : new int[] { 0, -1, 366 }) {
			assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> withUnusedDays(days))
				.withMessageContaining("revokeTokensUnusedForDays")
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("revokeTokensUnusedForDays"));
		}
	}

	@Test
	void reminderDaysAreKeptLargestFirst() {
		// when
		OrganisationPolicies policies = withReminders(List.of(1, 30, 7));

		// then
		assertThat(policies.expiryReminderDays()).containsExactly(30, 7, 1);
		assertThat(policies.storedExpiryReminderDays()).isEqualTo("30,7,1");
		assertThat(OrganisationPolicies.parseExpiryReminderDays("30,7,1")).containsExactly(30, 7, 1);
	}

	@Test
	void noReminderDaysTurnRemindersOff() {
		// when
		OrganisationPolicies policies = withReminders(List.of());

		// then
		assertThat(policies.expiryReminderDays()).isEmpty();
		assertThat(OrganisationPolicies.parseExpiryReminderDays(policies.storedExpiryReminderDays())).isEmpty();
	}

	@Test
	void reminderDaysOutsideOneToNinetyAreRefusedNamingTheField() {
		// when / then
		for (List<Integer> days : List.of(List.of(0), List.of(91), List.of(7, -1))) {
			assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> withReminders(days))
				.withMessageContaining("expiryReminderDays")
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("expiryReminderDays"));
		}
	}

	@Test
	void moreThanFiveReminderDaysAreRefused() {
		// when / then
		assertThatNoException().isThrownBy(() -> withReminders(List.of(1, 2, 3, 4, 5)));
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> withReminders(List.of(1, 2, 3, 4, 5, 6)))
			.withMessageContaining("at most 5");
	}

	@Test
	void aReminderDayGivenTwiceIsRefused() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> withReminders(List.of(7, 1, 7)))
			.withMessageContaining("must not repeat");
	}

	@Test
	void aMissingReminderDayIsRefused() {
		// given
		List<Integer> days = new ArrayList<>();
		days.add(null);

		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> withReminders(days))
			.withMessageContaining("expiryReminderDays");
	}

	private static OrganisationPolicies withUnusedDays(int days) {
		return new OrganisationPolicies(10, 90, 365, true, days, List.of(7, 1));
	}

	private static OrganisationPolicies withReminders(List<Integer> days) {
		return new OrganisationPolicies(10, 90, 365, true, null, days);
	}

}
