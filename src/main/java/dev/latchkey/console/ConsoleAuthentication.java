package dev.latchkey.console;

import java.util.List;

import dev.latchkey.system.Actor;
import dev.latchkey.user.User;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in console user for the duration of one request, built from the current user
 * row: the principal is the {@link Actor} the use cases take, and the authority is the
 * user's role as it is now, not as it was at sign-in.
 */
final class ConsoleAuthentication extends AbstractAuthenticationToken {

	private final Actor actor;

	ConsoleAuthentication(User user, String clientIp) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
		this.actor = Actor.user(user.id(), user.username(), user.organisationId(), user.role(), clientIp);
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Actor getPrincipal() {
		return this.actor;
	}

	@Override
	public String getName() {
		return this.actor.name();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ConsoleAuthentication that && this.actor.equals(that.actor);
	}

	@Override
	public int hashCode() {
		return this.actor.hashCode();
	}

	@Override
	public String toString() {
		return "ConsoleAuthentication[user=" + this.actor.name() + ", role=" + this.actor.role() + "]";
	}

}
