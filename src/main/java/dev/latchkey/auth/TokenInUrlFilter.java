package dev.latchkey.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a token sent as a query or form parameter ({@code access_token} or
 * {@code token}), before anything else sees the request: URLs end up in logs, proxies and
 * browser histories, and even Spring Security's own debug log prints the query string.
 */
final class TokenInUrlFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return carriesTokenByDesign(request);
	}

	/** Whether this filter would refuse the request. */
	static boolean carriesToken(HttpServletRequest request) {
		return !carriesTokenByDesign(request)
				&& (request.getParameter("access_token") != null || request.getParameter("token") != null);
	}

	/**
	 * RFC 7662 and RFC 7009 carry the token in the form body by design; they are
	 * POST-only.
	 */
	private static boolean carriesTokenByDesign(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "POST".equals(request.getMethod()) && request.getQueryString() == null
				&& ("/oauth2/introspect".equals(path) || "/oauth2/revoke".equals(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (carriesToken(request)) {
			Challenges.invalidRequest(response,
					"Tokens are not accepted in the query string or form body. Send 'Authorization: Bearer <token>'.");
			return;
		}
		chain.doFilter(request, response);
	}

}
