package dev.latchkey.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the token of an API call from {@code Authorization: Bearer <token>} (RFC 6750) or
 * a {@code token: <token>} header and authenticates it. Tokens in a query string or form
 * body never get here ({@link TokenInUrlFilter}), nor do requests with two credentials
 * ({@link SingleCredentialFilter}).
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

	private final AuthenticationManager authentication;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	TokenAuthenticationFilter(AuthenticationManager authentication) {
		this.authentication = authentication;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = BearerTokens.from(request);
		if (presented != null) {
			try {
				Authentication result = this.authentication
					.authenticate(new PresentedToken(presented, request.getRemoteAddr()));
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(result);
				this.contexts.setContext(context);
			}
			catch (AuthenticationServiceException ex) {
				Challenges.unavailable(response);
				return;
			}
			catch (InvalidToken ex) {
				Challenges.refused(response, ex.refusal());
				return;
			}
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

}
