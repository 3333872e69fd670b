package dev.latchkey.operator;

import java.security.SecureRandom;
import java.util.Base64;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.Organisations;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Role;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.UserManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database, creates the organisation {@code default} and its admin
 * {@code admin}. The password comes from {@code LATCHKEY_ADMIN_PASSWORD} or is generated
 * and printed once to the console (not to the log).
 */
@Component
@ConditionalOnWebApplication
class FirstStart implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstStart.class);

	private final Organisations organisations;

	private final OrganisationManagement organisationManagement;

	private final UserManagement users;

	private final AdminSettings settings;

	private final TransactionTemplate transactions;

	FirstStart(Organisations organisations, OrganisationManagement organisationManagement, UserManagement users,
			AdminSettings settings, TransactionTemplate transactions) {
		this.organisations = organisations;
		this.organisationManagement = organisationManagement;
		this.users = users;
		this.settings = settings;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.organisations.isEmpty()) {
			return;
		}
		String configured = this.settings.password();
		boolean generated = configured == null || configured.isBlank();
		String password = (configured == null || generated) ? generatePassword() : configured;
		try {
			this.transactions.executeWithoutResult((status) -> createDefault(password));
		}
		catch (DataIntegrityViolationException ex) {
			logger.info("Another instance created the default organisation first");
			return;
		}
		logger.info("First start: created organisation 'default' with admin 'admin'");
		if (generated) {
			System.out.println();
			System.out.println("  Latchkey first start: the password of user 'admin' is: " + password);
			System.out.println("  It is shown only this once. Set LATCHKEY_ADMIN_PASSWORD to choose it yourself.");
			System.out.println();
		}
	}

	private void createDefault(String password) {
		Actor operator = Actor.operator();
		Organisation organisation = this.organisationManagement.create(operator, "default",
				this.settings.licenseSeats());
		this.users.create(operator, organisation.id(),
				new NewUser("admin", password, Role.ORG_ADMIN, true, null, "Administrator"));
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
