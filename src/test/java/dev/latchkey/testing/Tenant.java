package dev.latchkey.testing;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.system.Role;
import dev.latchkey.user.User;

/**
 * A test organisation, its first admin and that admin's token.
 */
public record Tenant(Fixtures fixtures, Organisation organisation, User admin, String adminToken) {

	/** Another licensed admin of this organisation with a token. */
	public Member anotherAdmin() {
		User user = this.fixtures.user(this.organisation, Role.ORG_ADMIN, true);
		return new Member(user, this.fixtures.issue(user, "member").secret().reveal());
	}

	/** A general user (no token: only admins are issued tokens). */
	public User user(boolean licensed) {
		return this.fixtures.user(this.organisation, Role.USER, licensed);
	}

	public record Member(User user, String token) {

	}

}
