package dev.latchkey.auth;

import dev.latchkey.system.Actor;
import dev.latchkey.token.TokenCredential;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;

/**
 * Checks a {@link PresentedToken} at the {@link TokenGate} and turns it into a
 * {@link TokenAuthentication} whose principal is the token's owner as an {@link Actor},
 * with their current role.
 */
final class TokenAuthenticationProvider implements AuthenticationProvider {

	private final TokenGate gate;

	TokenAuthenticationProvider(TokenGate gate) {
		this.gate = gate;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		PresentedToken presented = (PresentedToken) authentication;
		String token = (String) presented.getCredentials();
		TokenGate.Outcome outcome = this.gate.check((token != null) ? token : "", presented.clientIp(),
				Audience.anyOrganisation());
		return switch (outcome) {
			case TokenGate.Accepted accepted -> authenticated(accepted.credential(), presented.clientIp());
			case TokenGate.Refused refused -> throw new InvalidToken(refused);
			case TokenGate.Unavailable unavailable ->
				throw new AuthenticationServiceException("Token store unavailable");
		};
	}

	private static TokenAuthentication authenticated(TokenCredential credential, String clientIp) {
		Actor actor = Actor.user(credential.ownerId(), credential.username(), credential.organisationId(),
				credential.role(), clientIp);
		return new TokenAuthentication(actor, credential);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PresentedToken.class.isAssignableFrom(authentication);
	}

}
