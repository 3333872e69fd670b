package dev.latchkey.testing;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Role;
import dev.latchkey.token.IssuedToken;
import dev.latchkey.token.NewToken;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;

import org.springframework.boot.test.context.TestComponent;

/**
 * Builds test tenants through the real use cases, as the operator would: an organisation
 * with an admin who holds a token. Names are unique so tests sharing a database do not
 * meet.
 */
@TestComponent
public class Fixtures {

	public static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final OrganisationManagement organisations;

	private final UserManagement users;

	private final TokenManagement tokens;

	Fixtures(OrganisationManagement organisations, UserManagement users, TokenManagement tokens) {
		this.organisations = organisations;
		this.users = users;
		this.tokens = tokens;
	}

	/** An organisation with 5 seats and a licensed admin holding one token. */
	public Tenant tenant() {
		return tenant(5);
	}

	public Tenant tenant(int seats) {
		String suffix = unique();
		Organisation organisation = this.organisations.create(Actor.operator(), "org-" + suffix, seats);
		User admin = this.users.create(Actor.operator(), organisation.id(),
				new NewUser("admin-" + suffix, PASSWORD, Role.ORG_ADMIN, true, null, null));
		String token = issue(admin, "bootstrap").secret().reveal();
		return new Tenant(this, organisation, admin, token);
	}

	public User user(Organisation organisation, Role role, boolean licensed) {
		return this.users.create(Actor.operator(), organisation.id(), new NewUser(
				role.name().toLowerCase().replace('_', '-') + "-" + unique(), PASSWORD, role, licensed, null, null));
	}

	public IssuedToken issue(User owner, String name) {
		IssuedToken issued = this.tokens.issueFor(Actor.operator(), owner.id(), NewToken.named(name));
		SecretCanary.issued(issued.secret().reveal());
		return issued;
	}

	private static String unique() {
		return SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
