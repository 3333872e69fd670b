package dev.latchkey.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt while its account or client must wait, before the password is
 * checked (so a wait cannot be used to test passwords either).
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
			String username = request.getParameter("username");
			if (!this.throttle.waitBefore((username != null) ? username : "", request.getRemoteAddr()).isZero()) {
				response.sendRedirect(request.getContextPath() + "/login?throttled");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
