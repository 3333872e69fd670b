package dev.latchkey.console;

import java.io.IOException;
import java.util.Optional;

import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in user's row on every console request. The session only says who
 * signed in; role, status and organisation come from the database each time, so a role
 * change applies at once and a deactivated user's session ends on its next request (SPEC
 * rule 7). The replacement authentication lives for this request only and is never
 * written back to the session.
 */
final class CurrentUserFilter extends OncePerRequestFilter {

	private final UserManagement users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	CurrentUserFilter(UserManagement users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = this.contexts.getContext().getAuthentication();
		if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
			Optional<User> current = this.users.signedIn(signedIn.getName());
			if (current.isPresent()) {
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(new ConsoleAuthentication(current.get(), request.getRemoteAddr()));
				this.contexts.setContext(context);
			}
			else {
				endSession(request);
			}
		}
		chain.doFilter(request, response);
	}

	private void endSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.contexts.clearContext();
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
