package dev.latchkey.console;

import dev.latchkey.system.Actor;
import dev.latchkey.token.TokenManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Signing out of the console (SPEC rule 9) is the token module's use case
 * {@link TokenManagement#signedOut}: by the organisation's policy it revokes the user's
 * active tokens, and it records the sign-out. Runs before the session is invalidated.
 */
@Component
class SignOut implements LogoutHandler {

	private final TokenManagement tokens;

	SignOut(TokenManagement tokens) {
		this.tokens = tokens;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor && actor.userId() != null
				&& actor.organisationId() != null) {
			this.tokens.signedOut(actor);
		}
	}

}
