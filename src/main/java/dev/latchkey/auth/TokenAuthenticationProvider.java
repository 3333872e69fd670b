package dev.latchkey.auth;

import dev.latchkey.system.Actor;
import dev.latchkey.token.TokenCredential;
import dev.latchkey.token.TokenVerification;
import dev.latchkey.token.Verification;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;

/**
 * Verifies a {@link PresentedToken} and turns it into a {@link TokenAuthentication} whose
 * principal is the token's owner as an {@link Actor}, with their current role.
 */
final class TokenAuthenticationProvider implements AuthenticationProvider {

	private final TokenVerification verification;

	TokenAuthenticationProvider(TokenVerification verification) {
		this.verification = verification;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		PresentedToken presented = (PresentedToken) authentication;
		String token = (String) presented.getCredentials();
		Verification result;
		try {
			result = this.verification.verify((token != null) ? token : "", presented.clientIp());
		}
		catch (DataAccessException ex) {
			throw new AuthenticationServiceException("Token store unavailable", ex);
		}
		TokenCredential credential = result.credential();
		if (!result.isAccepted() || credential == null) {
			throw new InvalidToken(result);
		}
		Actor actor = Actor.user(credential.ownerId(), credential.username(), credential.organisationId(),
				credential.role(), presented.clientIp());
		return new TokenAuthentication(actor, credential);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PresentedToken.class.isAssignableFrom(authentication);
	}

}
