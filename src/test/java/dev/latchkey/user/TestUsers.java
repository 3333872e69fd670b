package dev.latchkey.user;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.system.Actor;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;

/**
 * Users for unit tests. Tests in other packages cannot reach the package-private
 * {@code withX} methods, so every variant is built with the record's constructor, which
 * still validates it.
 */
public final class TestUsers {

	private static final Instant CREATED_AT = Instant.parse("2025-01-01T00:00:00Z");

	private static final AtomicInteger sequence = new AtomicInteger();

	private TestUsers() {
	}

	/** An active, licensed organisation administrator of a new organisation. */
	public static User admin() {
		return admin(OrganisationId.random());
	}

	public static User admin(OrganisationId organisation) {
		return active(organisation, Role.ORG_ADMIN);
	}

	/** An active, licensed general user of a new organisation. */
	public static User user() {
		return user(OrganisationId.random());
	}

	public static User user(OrganisationId organisation) {
		return active(organisation, Role.USER);
	}

	/** The same user, deactivated. */
	public static User deactivated(User user) {
		return new User(user.id(), user.organisationId(), user.username(), user.email(), user.displayName(),
				user.role(), UserStatus.DEACTIVATED, user.licensed(), user.createdAt());
	}

	/** The same user, without a license seat. */
	public static User unlicensed(User user) {
		return new User(user.id(), user.organisationId(), user.username(), user.email(), user.displayName(),
				user.role(), user.status(), false, user.createdAt());
	}

	/** The user acting through the API from a documentation address. */
	public static Actor actor(User user) {
		return Actor.user(user.id(), user.username(), user.organisationId(), user.role(), "203.0.113.7");
	}

	private static User active(OrganisationId organisation, Role role) {
		String username = role.name().toLowerCase().replace('_', '-') + "-" + sequence.incrementAndGet();
		return new User(UserId.random(), organisation, username, username + "@example.com", null, role,
				UserStatus.ACTIVE, true, CREATED_AT);
	}

}
