package dev.latchkey.auth;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Exactly one credential per request, on every path (SPEC §10): two {@code Authorization}
 * headers, two {@code token} headers, or {@code Authorization} together with
 * {@code token} are refused with 400 before anything reads either. Otherwise which one
 * counts would depend on which reader looked first, and a valid credential could carry a
 * bad one past the refusal count.
 */
final class SingleCredentialFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (carriesSeveral(request)) {
			Challenges.invalidRequest(response,
					"Send exactly one credential: one 'Authorization' header or one 'token' header.");
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether this filter would refuse the request. */
	static boolean carriesSeveral(HttpServletRequest request) {
		int authorization = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size();
		int token = Collections.list(request.getHeaders(BearerTokens.TOKEN_HEADER)).size();
		return authorization + token > 1;
	}

}
