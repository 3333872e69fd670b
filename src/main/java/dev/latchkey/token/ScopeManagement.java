package dev.latchkey.token;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.organisation.Organisations;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.token.TokenProblems.ScopeExists;
import dev.latchkey.token.TokenProblems.ScopeInUse;
import dev.latchkey.token.TokenProblems.ScopeLimitReached;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scope use cases (SPEC §8): an organisation's administrators list the scopes its
 * tokens can hold, define their own and delete those no token holds.
 */
@Service
public class ScopeManagement {

	/** At most this many scopes of its own per organisation. */
	public static final int MAX_PER_ORGANISATION = 100;

	private final Scopes scopes;

	private final ApiTokens tokens;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	ScopeManagement(Scopes scopes, ApiTokens tokens, Organisations organisations, AuditTrail audit, Clock clock) {
		this.scopes = scopes;
		this.tokens = tokens;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The built-in scopes, then the organisation's own by name. */
	@Transactional(readOnly = true)
	public List<ScopeDefinition> list(Actor actor) {
		OrganisationId organisation = requireAdmin(actor);
		List<ScopeDefinition> all = new ArrayList<>(List.of(ScopeDefinition.API, ScopeDefinition.READ_API));
		this.scopes.findByOrganisation(organisation)
			.forEach((own) -> all.add(new ScopeDefinition(own.scope(), own.description(), false)));
		return all;
	}

	@Transactional
	public ScopeDefinition define(Actor actor, String name, @Nullable String description) {
		OrganisationId organisation = requireAdmin(actor);
		Scope scope = new Scope(name);
		if (description != null && description.length() > OrganisationScope.MAX_DESCRIPTION) {
			throw new InvalidRequest("'description' has at most " + OrganisationScope.MAX_DESCRIPTION + " characters.");
		}
		if (scope.isBuiltIn()) {
			throw new ScopeExists(scope);
		}
		// Serialises definitions within the organisation, so the limit holds.
		if (this.organisations.lockById(organisation).isEmpty()) {
			throw new NotFound("organisation");
		}
		if (this.scopes.count(organisation) >= MAX_PER_ORGANISATION) {
			throw new ScopeLimitReached(MAX_PER_ORGANISATION);
		}
		OrganisationScope defined = new OrganisationScope(organisation, scope,
				(description == null || description.isBlank()) ? null : description.strip(), this.clock.instant(),
				actor.reference());
		try {
			this.scopes.insert(defined);
		}
		catch (DuplicateKeyException ex) {
			throw new ScopeExists(scope);
		}
		this.audit.record(AuditEntry.of(AuditEventType.SCOPE_CREATED, actor, organisation)
			.target("scope", scope.name(), scope.name()));
		return new ScopeDefinition(scope, defined.description(), false);
	}

	/**
	 * Deletes one of the organisation's scopes.
	 * @throws ScopeInUse if it is built in or a token holds it (revoked ones too, since
	 * they can come back)
	 */
	@Transactional
	public void remove(Actor actor, String name) {
		OrganisationId organisation = requireAdmin(actor);
		Scope scope = new Scope(name);
		if (scope.isBuiltIn()) {
			throw new ScopeInUse("The scope '" + scope + "' is built in and cannot be deleted.");
		}
		if (this.scopes.lockExisting(organisation, List.of(scope)).isEmpty()) {
			throw new NotFound("scope");
		}
		if (this.tokens.anyHolds(organisation, scope)) {
			throw new ScopeInUse("A token holds the scope '" + scope
					+ "'. Narrow or delete the tokens that hold it first (GET /api/v1/tokens?owner=all).");
		}
		this.scopes.delete(organisation, scope);
		this.audit.record(AuditEntry.of(AuditEventType.SCOPE_DELETED, actor, organisation)
			.target("scope", scope.name(), scope.name()));
	}

	/**
	 * Checks that every scope is built in or defined by the organisation, and keeps the
	 * organisation's scopes among them from being deleted until the transaction ends.
	 * @throws TokenProblems.UnknownScope naming the first that is neither
	 */
	void requireKnown(OrganisationId organisation, TokenScopes requested) {
		var known = this.scopes.lockExisting(organisation, requested.custom());
		for (Scope scope : requested.custom()) {
			if (!known.contains(scope)) {
				throw new TokenProblems.UnknownScope(scope);
			}
		}
	}

	private static OrganisationId requireAdmin(Actor actor) {
		OrganisationId organisation = actor.organisationId();
		if (organisation == null || actor.userId() == null || !actor.administers(organisation)) {
			throw new Forbidden("Only organisation administrators manage scopes.");
		}
		return organisation;
	}

}
