package dev.latchkey.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A token as presented by a client, not yet verified. Its {@link #toString()} never shows
 * the token.
 */
final class PresentedToken extends AbstractAuthenticationToken {

	private @Nullable String token;

	private final String clientIp;

	PresentedToken(String token, String clientIp) {
		super(List.of());
		this.token = token;
		this.clientIp = clientIp;
	}

	@Override
	public @Nullable Object getCredentials() {
		return this.token;
	}

	@Override
	public Object getPrincipal() {
		return "presented-token";
	}

	String clientIp() {
		return this.clientIp;
	}

	@Override
	public void eraseCredentials() {
		this.token = null;
	}

	@Override
	public String toString() {
		return "PresentedToken[clientIp=" + this.clientIp + "]";
	}

}
