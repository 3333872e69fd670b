package dev.latchkey.console;

import java.util.ArrayList;
import java.util.List;

import dev.latchkey.system.Role;
import dev.latchkey.user.User;
import org.jspecify.annotations.Nullable;

/**
 * One row of the Users table: the user, how many tokens they hold against the limit, and
 * the actions their state allows.
 */
record UserRow(String id, String username, @Nullable String displayName, @Nullable String email, Role role,
		boolean active, boolean licensed, long tokens, int limit, String created, boolean self,
		List<Confirmation> actions) {

	static final String LIST = "/admin/users";

	static UserRow of(User user, long tokens, int limit, boolean self) {
		return new UserRow(user.id().toString(), user.username(), user.displayName(), user.email(), user.role(),
				user.isActive(), user.licensed(), tokens, limit, Texts.date(user.createdAt()), self, actions(user));
	}

	/** Display name and email, whichever are known. */
	public String details() {
		return java.util.stream.Stream.of(this.displayName, this.email)
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.joining(" · "));
	}

	static List<Confirmation> actions(User user) {
		String base = LIST + "/" + user.id();
		String name = user.username();
		List<Confirmation> actions = new ArrayList<>();
		if (user.licensed()) {
			actions.add(Confirmation.of(base, "license-remove", "Remove license",
					"Remove the license of “" + name + "”?",
					"Their API tokens are revoked at once and they cannot create new ones. Tokens can be re-approved once they hold a license again.",
					true, LIST));
		}
		else {
			actions.add(Confirmation.of(base, "license-grant", "Grant license", "Grant a license to “" + name + "”?",
					"They take one of the organisation's license seats.", false, LIST));
		}
		if (user.isActive()) {
			actions.add(Confirmation.of(base, "deactivate", "Deactivate", "Deactivate “" + name + "”?",
					"They are signed out, cannot sign in, and all their API tokens stop working at once. Reactivating does not bring tokens back by itself.",
					true, LIST));
		}
		else {
			actions.add(Confirmation.of(base, "reactivate", "Reactivate", "Reactivate “" + name + "”?",
					"They can sign in again. Their revoked tokens stay revoked until an admin re-approves them.", false,
					LIST));
		}
		return List.copyOf(actions);
	}

}
