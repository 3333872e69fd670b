package dev.latchkey.auth;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's answers to a request that did not authenticate or may not proceed: Spring
 * Security's bearer-token entry point and access-denied handler write the status and the
 * RFC 6750 challenge, and a problem-details body follows. Two answers are Latchkey's own:
 * a refused token from an address over its refusal limit (429 with {@code Retry-After})
 * and a token store that cannot be asked (503). A token whose scopes do not allow the
 * request gets the RFC 6750 {@code insufficient_scope} challenge naming the scope needed.
 */
final class ApiChallenges implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

	ApiChallenges() {
		this.entryPoint.setRealmName(Challenges.REALM);
		this.denied.setRealmName(Challenges.REALM);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof TokenStoreUnavailable) {
			Challenges.unavailable(response);
		}
		else if (failure instanceof InvalidToken invalid && invalid.refusal().throttled().isPresent()) {
			Challenges.tooManyRefusals(response, invalid.refusal().throttled().get());
		}
		else if (failure instanceof InvalidToken) {
			this.entryPoint.commence(request, response, failure);
			Challenges.invalidTokenBody(response);
		}
		else {
			this.entryPoint.commence(request, response, failure);
			Challenges.authenticationRequiredBody(response);
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denial)
			throws IOException, ServletException {
		if (denial instanceof AuthorizationDeniedException scopes
				&& scopes.getAuthorizationResult() instanceof ApiScopeAuthorization.ScopeDecision decision) {
			Challenges.insufficientScope(response, decision.required());
			return;
		}
		this.denied.handle(request, response, denial);
		Challenges.forbiddenBody(response);
	}

}
