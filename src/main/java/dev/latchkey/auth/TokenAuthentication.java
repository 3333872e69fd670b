package dev.latchkey.auth;

import java.util.List;

import dev.latchkey.system.Actor;
import dev.latchkey.token.TokenCredential;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A verified token: the acting user (as the principal) and what was read about the token.
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

	private final Actor actor;

	private final TokenCredential credential;

	TokenAuthentication(Actor actor, TokenCredential credential) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + credential.role().name())));
		this.actor = actor;
		this.credential = credential;
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

	public TokenCredential credential() {
		return this.credential;
	}

	@Override
	public String toString() {
		return "TokenAuthentication[user=" + this.actor.name() + ", token=" + this.credential.tokenId() + "]";
	}

}
