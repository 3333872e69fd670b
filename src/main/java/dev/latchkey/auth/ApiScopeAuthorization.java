package dev.latchkey.auth;

import java.util.List;
import java.util.function.Supplier;

import dev.latchkey.token.Scope;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * What Latchkey's own API asks of a token's scopes (SPEC §8): {@code api} for every
 * change, {@code api} or {@code read_api} for reads, judged by
 * {@code TokenScopes.permits}. A denial names the scope that was needed, for the
 * {@code insufficient_scope} challenge ({@link ApiChallenges}).
 */
final class ApiScopeAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

	static final List<Scope> REQUIRED = List.of(Scope.API);

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		boolean granted = authentication.get() instanceof TokenAuthentication token
				&& token.credential().scopes().permits(REQUIRED, SafeMethods.isSafe(context.getRequest().getMethod()));
		return new ScopeDecision(granted, REQUIRED);
	}

	/** The outcome, with the scopes a denied request needed. */
	static final class ScopeDecision extends AuthorizationDecision {

		private final List<Scope> required;

		ScopeDecision(boolean granted, List<Scope> required) {
			super(granted);
			this.required = required;
		}

		List<Scope> required() {
			return this.required;
		}

	}

}
