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
 * a {@code token: <token>} header, and refuses tokens sent in a query string or form
 * body, which end up in logs and browser histories.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

	private final AuthenticationManager authentication;

	private final RefusedAuthentications refusals;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final RefusalLimit limit;

	TokenAuthenticationFilter(AuthenticationManager authentication, RefusedAuthentications refusals,
			RefusalLimit limit) {
		this.authentication = authentication;
		this.refusals = refusals;
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String bearer = BearerTokens.fromAuthorization(request);
		String header = BearerTokens.fromTokenHeader(request);
		if (bearer != null && header != null) {
			Challenges.invalidRequest(response, "Send the token in one header only.");
			return;
		}
		String presented = (bearer != null) ? bearer : header;
		if (presented != null) {
			var blocked = this.limit.blocked(request.getRemoteAddr());
			if (blocked.isPresent()) {
				Challenges.tooManyRefusals(response, blocked.get());
				return;
			}
			try {
				Authentication result = this.authentication
					.authenticate(new PresentedToken(presented, request.getRemoteAddr()));
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(result);
				this.contexts.setContext(context);
			}
			catch (AuthenticationServiceException ex) {
				// The database could not be asked: fail closed, and say it is temporary.
				Challenges.unavailable(response);
				return;
			}
			catch (InvalidToken ex) {
				this.refusals.record(ex.verification(), request.getRemoteAddr());
				Challenges.invalidToken(response);
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
