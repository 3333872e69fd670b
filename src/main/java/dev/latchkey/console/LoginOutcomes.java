package dev.latchkey.console;

import java.io.IOException;
import java.util.Optional;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
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

	private final Users users;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	LoginOutcomes(Users users, AuditTrail audit, LoginThrottle throttle) {
		this.users = users;
		this.audit = audit;
		this.throttle = throttle;
		setDefaultTargetUrl("/");
		setAlwaysUseDefaultTargetUrl(false);
		setRequestCache(RETURN_PATH);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		this.throttle.succeeded(authentication.getName(), request.getRemoteAddr());
		this.users.findByUsername(authentication.getName()).ifPresent((user) -> {
			Actor actor = Actor.user(user.id(), user.username(), user.organisationId(), user.role(),
					request.getRemoteAddr());
			this.audit.record(AuditEntry.of(AuditEventType.LOGIN, actor, user.organisationId())
				.target("user", user.id(), user.username())
				.details("console"));
		});
		super.onAuthenticationSuccess(request, response, authentication);
		RETURN_PATH.removeRequest(request, response);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = request.getParameter("username");
		username = (username != null) ? username : "";
		this.throttle.failed(username, request.getRemoteAddr());
		Optional<User> user = this.users.findByUsername(username.strip());
		Actor actor = Actor.anonymous(request.getRemoteAddr());
		if (user.isPresent()) {
			String reason = (exception instanceof DisabledException) ? "deactivated" : "bad-credentials";
			this.audit.record(AuditEntry.of(AuditEventType.LOGIN_FAILED, actor, user.get().organisationId())
				.target("user", user.get().id(), user.get().username())
				.details("console, reason=" + reason));
		}
		else {
			this.audit.record(
					AuditEntry.of(AuditEventType.LOGIN_FAILED, actor, null).details("console, reason=unknown-user"));
		}
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

}
