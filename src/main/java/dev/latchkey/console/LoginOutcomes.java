package dev.latchkey.console;

import java.io.IOException;

import dev.latchkey.user.UserManagement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What happens after a password is checked: the audit trail records {@code LOGIN} or
 * {@code LOGIN_FAILED}, and the throttle learns of it (per account and client address).
 * Every failure shows the same message, so the page does not tell an unknown user from a
 * wrong password or a deactivated account; the audit trail does. A username that exists
 * nowhere is not recorded as typed, since people type passwords into the wrong field.
 */
@Component
class LoginOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

	/** The console chain saves the page asked for here, and sign-in returns to it. */
	static final ReturnPath RETURN_PATH = new ReturnPath();

	private final UserManagement users;

	private final LoginThrottle throttle;

	LoginOutcomes(UserManagement users, LoginThrottle throttle) {
		this.users = users;
		this.throttle = throttle;
		setDefaultTargetUrl("/");
		setAlwaysUseDefaultTargetUrl(false);
		setRequestCache(RETURN_PATH);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		this.throttle.succeeded(authentication.getName(), request.getRemoteAddr());
		this.users.signInSucceeded(authentication.getName(), request.getRemoteAddr(), "console");
		super.onAuthenticationSuccess(request, response, authentication);
		RETURN_PATH.removeRequest(request, response);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = request.getParameter("username");
		username = (username != null) ? username : "";
		this.throttle.failed(username, request.getRemoteAddr());
		this.users.signInFailed(username, request.getRemoteAddr(), "console", exception instanceof DisabledException);
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

}
