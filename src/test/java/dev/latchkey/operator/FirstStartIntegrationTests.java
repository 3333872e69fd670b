package dev.latchkey.operator;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.Organisations;
import dev.latchkey.system.Role;
import dev.latchkey.testing.IntegrationTest;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7: an empty database gets the organisation {@code default} and the admin
 * {@code admin} with the password from {@code LATCHKEY_ADMIN_PASSWORD} (here the property
 * it maps to).
 */
@IntegrationTest
class FirstStartIntegrationTests {

	@Autowired
	Organisations organisations;

	@Autowired
	Users users;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void anEmptyDatabaseGetsTheDefaultOrganisationAndItsAdmin() {
		Organisation organisation = this.organisations.findByName("default").orElseThrow();
		User admin = this.users.findByUsername("admin").orElseThrow();

		assertThat(admin.organisationId()).isEqualTo(organisation.id());
		assertThat(admin.role()).isEqualTo(Role.ORG_ADMIN);
		assertThat(admin.licensed()).isTrue();
		assertThat(admin.isActive()).isTrue();
		assertThat(organisation.licenseSeats()).isEqualTo(10);
		String hash = this.users.passwordHash("admin").orElseThrow();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("first-start-password");
		assertThat(this.passwords.matches("first-start-password", hash)).isTrue();
	}

}
