package dev.latchkey.user;

import java.time.Instant;
import java.util.regex.Pattern;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A user of one organisation. Immutable: each change returns the changed user.
 */
public record User(UserId id, OrganisationId organisationId, String username, @Nullable String email,
		@Nullable String displayName, Role role, UserStatus status, boolean licensed, Instant createdAt) {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

	public User {
		if (!USERNAME.matcher(username).matches()) {
			throw new InvalidRequest("A username is 1 to 100 lower-case letters, digits or '.', '_', '@', '-',"
					+ " starting with a letter or digit.");
		}
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new InvalidRequest("'email' is not an email address.");
		}
		if (displayName != null && (displayName.isBlank() || displayName.length() > 200)) {
			throw new InvalidRequest("'displayName' is 1 to 200 characters.");
		}
	}

	public boolean isActive() {
		return this.status == UserStatus.ACTIVE;
	}

	public boolean isActiveAdmin() {
		return isActive() && this.role == Role.ORG_ADMIN;
	}

	/** Whether the user may hold working tokens at all. */
	public boolean mayHoldTokens() {
		return isActive() && this.licensed;
	}

	User withStatus(UserStatus newStatus) {
		return new User(this.id, this.organisationId, this.username, this.email, this.displayName, this.role, newStatus,
				this.licensed, this.createdAt);
	}

	User withLicense(boolean newLicensed) {
		return new User(this.id, this.organisationId, this.username, this.email, this.displayName, this.role,
				this.status, newLicensed, this.createdAt);
	}

	User withRole(Role newRole) {
		return new User(this.id, this.organisationId, this.username, this.email, this.displayName, newRole, this.status,
				this.licensed, this.createdAt);
	}

}
