package dev.latchkey.user;

import dev.latchkey.system.Role;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to create a user. The password is hashed at once and never stored or
 * logged in clear; {@link #toString()} does not show it.
 */
public record NewUser(String username, String password, Role role, boolean licensed, @Nullable String email,
		@Nullable String displayName) {

	@Override
	public String toString() {
		return "NewUser[username=" + this.username + ", role=" + this.role + ", licensed=" + this.licensed + "]";
	}

}
