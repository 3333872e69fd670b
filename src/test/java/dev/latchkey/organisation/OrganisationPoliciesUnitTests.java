package dev.latchkey.organisation;

import java.time.Duration;

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

}
