package dev.latchkey.auth;

import dev.latchkey.system.Actor;
import dev.latchkey.token.TokenCredential;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The authentication manager's one provider for Latchkey's opaque tokens: checks the
 * presented {@link BearerTokenAuthenticationToken} at the {@link TokenGate} and turns it
 * into a {@link TokenAuthentication} whose principal is the token's owner as an
 * {@link Actor}, with their current role.
 */
final class TokenAuthenticationProvider implements AuthenticationProvider {

	private final TokenGate gate;

	TokenAuthenticationProvider(TokenGate gate) {
		this.gate = gate;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		BearerTokenAuthenticationToken presented = (BearerTokenAuthenticationToken) authentication;
		String clientIp = clientIp(presented);
		TokenGate.Outcome outcome = this.gate.check(presented.getToken(), clientIp, Audience.anyOrganisation());
		return switch (outcome) {
			case TokenGate.Accepted accepted -> authenticated(accepted.credential(), clientIp);
			case TokenGate.Refused refused -> throw new InvalidToken(refused);
			case TokenGate.Unavailable unavailable -> throw new TokenStoreUnavailable();
		};
	}

	/**
	 * The address the request came from (through a trusted proxy's
	 * {@code X-Forwarded-For}), which the bearer-token filter puts in the details.
	 */
	private static String clientIp(BearerTokenAuthenticationToken presented) {
		if (presented.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		throw new IllegalStateException("The bearer-token filter sets the request's details");
	}

	private static TokenAuthentication authenticated(TokenCredential credential, String clientIp) {
		Actor actor = Actor.user(credential.ownerId(), credential.username(), credential.organisationId(),
				credential.role(), clientIp);
		return new TokenAuthentication(actor, credential);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
