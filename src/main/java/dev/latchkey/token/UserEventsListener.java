package dev.latchkey.token;

import dev.latchkey.user.UserDeactivated;
import dev.latchkey.user.UserLicenseRemoved;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Revokes a user's tokens when the user is deactivated or loses their license. Runs
 * synchronously inside the publishing transaction, so the tokens fail from the moment the
 * call that deactivated the user returns, and a failure rolls the deactivation back too.
 */
@Component
class UserEventsListener {

	private final TokenManagement tokens;

	UserEventsListener(TokenManagement tokens) {
		this.tokens = tokens;
	}

	@EventListener
	void on(UserDeactivated event) {
		this.tokens.revokeAllOf(event.by(), event.user(), StatusReason.USER_DEACTIVATED);
	}

	@EventListener
	void on(UserLicenseRemoved event) {
		this.tokens.revokeAllOf(event.by(), event.user(), StatusReason.LICENSE_REMOVED);
	}

}
