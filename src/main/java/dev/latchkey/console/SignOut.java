package dev.latchkey.console;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.organisation.Organisations;
import dev.latchkey.system.Actor;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.UserId;
import dev.latchkey.token.StatusReason;
import dev.latchkey.token.TokenManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing out of the console (SPEC rule 9): when the organisation's policy
 * {@code revokeTokensOnLogout} is on, the user's active tokens are revoked with reason
 * {@code LOGOUT}; either way {@code LOGOUT} is recorded. Runs before the session is
 * invalidated, in one transaction.
 */
@Component
class SignOut implements LogoutHandler {

	private final Organisations organisations;

	private final TokenManagement tokens;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	SignOut(Organisations organisations, TokenManagement tokens, AuditTrail audit, TransactionTemplate transactions) {
		this.organisations = organisations;
		this.tokens = tokens;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			UserId user = actor.userId();
			OrganisationId organisation = actor.organisationId();
			if (user != null && organisation != null) {
				this.transactions.executeWithoutResult((status) -> signOut(actor, user, organisation));
			}
		}
	}

	private void signOut(Actor actor, UserId user, OrganisationId organisation) {
		boolean revoke = revokesTokens(organisation);
		int revoked = revoke ? this.tokens.revokeAllOf(actor, user, StatusReason.LOGOUT) : 0;
		this.audit.record(AuditEntry.of(AuditEventType.LOGOUT, actor, organisation)
			.target("user", user, actor.name())
			.details(revoke ? "console, tokensRevoked=" + revoked : "console, tokens kept (policy off)"));
	}

	/** Whether signing out now would revoke the user's tokens. */
	boolean revokesTokens(OrganisationId organisation) {
		return this.organisations.findById(organisation).map((o) -> o.policies().revokeTokensOnLogout()).orElse(false);
	}

}
