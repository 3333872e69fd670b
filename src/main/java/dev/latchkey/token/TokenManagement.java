package dev.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.organisation.Organisations;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import dev.latchkey.token.TokenProblems.InvalidExpiry;
import dev.latchkey.token.TokenProblems.TokenChangedConcurrently;
import dev.latchkey.token.TokenProblems.TokenNameTaken;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token use cases. Each checks the actor's permission, asks the {@link ApiToken} to
 * change, stores it and records the audit event, in one transaction. A token of another
 * organisation, or another user's token seen by a non-admin, answers 404 as if it did not
 * exist.
 */
@Service
public class TokenManagement {

	/** How often a transition is re-judged when other changes keep winning the race. */
	private static final int MAX_ATTEMPTS = 5;

	private final ApiTokens tokens;

	private final Users users;

	private final Organisations organisations;

	private final ScopeManagement scopes;

	private final UsageDays usageDays;

	private final TokenFormat format;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TokenManagement(ApiTokens tokens, Users users, Organisations organisations, ScopeManagement scopes,
			UsageDays usageDays, TokenFormat format, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.usageDays = usageDays;
		this.tokens = tokens;
		this.users = users;
		this.organisations = organisations;
		this.scopes = scopes;
		this.format = format;
		this.audit = audit;
		this.clock = clock;
	}

	/** An org admin creates a token for themself. */
	@Transactional
	public IssuedToken create(Actor actor, NewToken request) {
		if (actor.kind() != Actor.Kind.USER || actor.userId() == null || actor.role() != Role.ORG_ADMIN) {
			throw new Forbidden("Only organisation administrators create API tokens.");
		}
		return issue(actor, actor.userId(), request);
	}

	/** The operator issues a token for an org admin (the operator command line). */
	@Transactional
	public IssuedToken issueFor(Actor operator, UserId owner, NewToken request) {
		if (operator.kind() != Actor.Kind.OPERATOR) {
			throw new Forbidden("Only the operator issues tokens for other users.");
		}
		return issue(operator, owner, request);
	}

	@Transactional(readOnly = true)
	public TokenView get(Actor actor, TokenId id) {
		return visible(actor, id);
	}

	/** The actor's own tokens. */
	@Transactional(readOnly = true)
	public List<TokenView> listOwn(Actor actor) {
		requireAdmin(actor);
		return this.tokens.findByOwner(actor.requireUserId());
	}

	/** All tokens of the actor's organisation. */
	@Transactional(readOnly = true)
	public List<TokenView> listOrganisation(Actor actor) {
		requireAdmin(actor);
		return this.tokens.findByOrganisation(actor.requireOrganisationId());
	}

	/** The tokens of one user of the actor's organisation. */
	@Transactional(readOnly = true)
	public List<TokenView> listOwnedBy(Actor actor, UserId owner) {
		requireAdmin(actor);
		if (this.users.findById(owner).filter((user) -> actor.canSee(user.organisationId())).isEmpty()) {
			throw new NotFound("user");
		}
		return this.tokens.findByOwner(owner);
	}

	@Transactional
	public TokenView revoke(Actor actor, TokenId id) {
		TokenView view = visible(actor, id);
		ApiToken token = view.token();
		StatusReason reason = actor.is(token.ownerId()) ? StatusReason.REVOKED_BY_OWNER : StatusReason.REVOKED_BY_ADMIN;
		return revoke(actor, view, reason).view();
	}

	@Transactional
	public TokenView reapprove(Actor actor, TokenId id) {
		TokenView view = visible(actor, id);
		ApiToken token = view.token();
		if (!actor.administers(token.organisationId())) {
			throw new Forbidden("Only organisation administrators re-approve tokens.");
		}
		User owner = this.users.lockById(token.ownerId()).orElseThrow(() -> new NotFound("token"));
		Instant now = this.clock.instant();
		Changed reapproved = change(view, (current) -> current.reapprove(owner, now));
		if (reapproved.changed()) {
			record(AuditEventType.TOKEN_REAPPROVED, actor, reapproved.view(), null);
		}
		return reapproved.view();
	}

	/**
	 * SPEC §8: the owner or an admin renames the token, changes its description or
	 * allowlist, or narrows its scopes. The change takes effect at once: the stored
	 * change invalidates the cached token on every instance.
	 */
	@Transactional
	public TokenView update(Actor actor, TokenId id, TokenChanges changes) {
		TokenView view = visible(actor, id);
		if (changes.isEmpty()) {
			return view;
		}
		ApiToken token = view.token();
		requireDescription(changes.description());
		if (changes.scopes() != null) {
			this.scopes.requireKnown(token.organisationId(), changes.scopes());
		}
		if (changes.name() != null && !changes.name().equals(token.name())) {
			// Under the owner's lock, as on create: the name stays unique among their
			// tokens.
			if (this.users.lockById(token.ownerId()).isEmpty()) {
				throw new NotFound("token");
			}
			if (this.tokens.nameTaken(token.ownerId(), changes.name())) {
				throw new TokenNameTaken(changes.name());
			}
		}
		Changed updated = change(view, (current) -> current.update(changes));
		if (updated.changed()) {
			record(AuditEventType.TOKEN_UPDATED, actor, updated.view(), describe(changes));
		}
		return updated.view();
	}

	private static String describe(TokenChanges changes) {
		List<String> parts = new ArrayList<>();
		if (changes.name() != null) {
			parts.add("name");
		}
		if (changes.description() != null) {
			parts.add("description");
		}
		if (changes.scopes() != null) {
			parts.add("scopes=" + changes.scopes().serialised());
		}
		if (changes.allowedAddresses() != null) {
			parts.add("allowedIps=" + changes.allowedAddresses());
		}
		return String.join(", ", parts);
	}

	private static void requireDescription(@Nullable String description) {
		if (description != null && description.length() > 500) {
			throw new InvalidRequest("'description' has at most 500 characters.");
		}
	}

	/** The overlap when the caller names none, and the longest allowed (SPEC §9). */
	public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

	public static final Duration MAX_OVERLAP = Duration.ofHours(168);

	/**
	 * SPEC §9: the owner or an admin gives an active token a new secret, shown once; the
	 * old one keeps working for the overlap. Still one token toward the limit.
	 * @param overlapHours 0 to 168; {@code null} for 24
	 */
	@Transactional
	public IssuedToken rotate(Actor actor, TokenId id, @Nullable Integer overlapHours) {
		Duration overlap = (overlapHours != null) ? Duration.ofHours(overlapHours) : DEFAULT_OVERLAP;
		if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
			throw new InvalidRequest("'overlapHours' is between 0 and " + MAX_OVERLAP.toHours() + ".");
		}
		TokenView view = visible(actor, id);
		OrganisationPolicies policies = this.organisations.findById(view.token().organisationId())
			.orElseThrow(() -> new NotFound("token"))
			.policies();
		TokenSecret secret = this.format.generate();
		Instant now = this.clock.instant();
		Changed rotated = change(view, (token) -> {
			token.rotate(secret, overlap, policies.maxLifetime(), now);
			return true;
		});
		ApiToken token = rotated.view().token();
		record(AuditEventType.TOKEN_ROTATED, actor, rotated.view(),
				"overlapHours=" + overlap.toHours() + ", expiresAt=" + token.expiresAt());
		ApiToken.Overlap previous = token.previous();
		this.events.publishEvent(
				new TokenRotated(TokenFacts.of(rotated.view()), now, (previous != null) ? previous.validUntil() : now));
		return new IssuedToken(rotated.view(), secret);
	}

	@Transactional
	public void delete(Actor actor, TokenId id) {
		TokenView view = visible(actor, id);
		this.tokens.delete(id);
		this.usageDays.deleteOf(id);
		record(AuditEventType.TOKEN_DELETED, actor, view, "owner=" + view.ownerUsername());
	}

	/**
	 * SPEC rule 9: the user signed out of the console. When their organisation's policy
	 * {@code revokeTokensOnLogout} is on, their active tokens are revoked with reason
	 * {@code LOGOUT}; either way the sign-out is recorded.
	 * @return how many tokens were revoked
	 */
	@Transactional
	public int signedOut(Actor actor) {
		UserId user = actor.userId();
		OrganisationId organisation = actor.organisationId();
		if (actor.kind() != Actor.Kind.USER || user == null || organisation == null) {
			throw new Forbidden("Only a signed-in user signs out.");
		}
		boolean revoke = revokesTokensOnLogout(organisation);
		int revoked = revoke ? revokeAllOf(actor, user, StatusReason.LOGOUT) : 0;
		this.audit.record(AuditEntry.of(AuditEventType.LOGOUT, actor, organisation)
			.target("user", user, actor.name())
			.details(revoke ? "console, tokensRevoked=" + revoked : "console, tokens kept (policy off)"));
		return revoked;
	}

	/** What signing out now would do to the actor's tokens, for the console to say so. */
	@Transactional(readOnly = true)
	public SignOutOutlook signOutOutlook(Actor actor) {
		UserId user = actor.userId();
		OrganisationId organisation = actor.organisationId();
		if (user == null || organisation == null || !revokesTokensOnLogout(organisation)) {
			return new SignOutOutlook(false, 0);
		}
		Instant now = this.clock.instant();
		int active = (int) this.tokens.findByOwner(user).stream().filter((view) -> view.token().isActive(now)).count();
		return new SignOutOutlook(true, active);
	}

	/**
	 * Revokes every active token of a user for a reason that is not the caller's to
	 * choose: deactivation (rule 7), license removal (rule 8) or sign-out (rule 9).
	 * @return how many tokens were revoked
	 */
	int revokeAllOf(Actor actor, UserId owner, StatusReason reason) {
		int revoked = 0;
		for (TokenView view : this.tokens.findActiveByOwner(owner)) {
			if (actor.canSee(view.token().organisationId()) && revoke(actor, view, reason).changed()) {
				revoked++;
			}
		}
		return revoked;
	}

	private boolean revokesTokensOnLogout(OrganisationId organisation) {
		return this.organisations.findById(organisation).map((o) -> o.policies().revokeTokensOnLogout()).orElse(false);
	}

	/**
	 * Revokes a token by its value, if it belongs to the given organisation (RFC 7009: a
	 * resource-server client, or the token revoking itself).
	 * @return whether a token was revoked; callers must not tell their client
	 */
	@Transactional
	public boolean revokeByValue(Actor actor, OrganisationId scope, String presented, StatusReason reason) {
		return this.format.parse(presented)
			.flatMap((secret) -> this.tokens.findByDigest(secret.digest()))
			.filter((view) -> view.token().organisationId().equals(scope))
			.map((view) -> revoke(actor, view, reason).changed())
			.orElse(false);
	}

	/**
	 * Revokes every reported token that is one of ours as {@link StatusReason#LEAKED},
	 * whatever its organisation; such a token can never be re-approved.
	 * @return how many were revoked; the reporter must not be told
	 */
	@Transactional
	public int revokeLeaked(List<String> reported, Actor reporter) {
		int revoked = 0;
		for (String presented : reported) {
			var view = this.format.parse(presented).flatMap((secret) -> this.tokens.findByDigest(secret.digest()));
			if (view.isPresent() && revoke(reporter, view.get(), StatusReason.LEAKED).changed()) {
				revoked++;
			}
		}
		return revoked;
	}

	/**
	 * Stores the expiry of tokens whose time has passed, one audit event each.
	 * @return how many tokens were marked
	 */
	@Transactional
	public int expireDue(int batchSize) {
		Instant now = this.clock.instant();
		int expired = 0;
		for (TokenView view : this.tokens.findDueForExpiry(now, batchSize)) {
			Changed marked = change(view, (token) -> token.markExpired(now));
			if (marked.changed()) {
				record(AuditEventType.TOKEN_EXPIRED, Actor.system(), marked.view(),
						"expiresAt=" + view.token().expiresAt());
				this.events.publishEvent(new TokenExpiryReached(TokenFacts.of(marked.view()), now));
				expired++;
			}
		}
		return expired;
	}

	/**
	 * SPEC §9: revokes, as {@link StatusReason#UNUSED}, active tokens that showed no sign
	 * of life for as many days as their organisation's policy
	 * {@code revokeTokensUnusedForDays} says (organisations without it keep theirs), one
	 * audit event and one {@link TokenRevoked} each. What counts is
	 * {@link ApiToken#isUnusedSince}, judged again on the token as stored when another
	 * change won the race, so two instances sweeping at once revoke each token once.
	 * @return how many tokens were revoked, at most {@code batchSize}
	 */
	@Transactional
	public int revokeUnused(int batchSize) {
		Instant now = this.clock.instant();
		int revoked = 0;
		for (int days : this.organisations.unusedTokenPolicies()) {
			Instant cutoff = now.minus(Duration.ofDays(days));
			for (TokenView view : this.tokens.findUnusedSince(days, cutoff, now, batchSize - revoked)) {
				if (revoke(Actor.system(), view, StatusReason.UNUSED, (token) -> token.isUnusedSince(cutoff, now))
					.changed()) {
					revoked++;
				}
			}
			if (revoked >= batchSize) {
				break;
			}
		}
		return revoked;
	}

	private IssuedToken issue(Actor actor, UserId ownerId, NewToken request) {
		TokenName name = new TokenName(request.name());
		requireDescription(request.description());
		TokenScopes scopes = (request.scopes() != null) ? TokenScopes.of(request.scopes()) : TokenScopes.DEFAULT;
		AllowedAddresses allowed = (request.allowedIps() != null) ? AllowedAddresses.of(request.allowedIps())
				: AllowedAddresses.ANYWHERE;
		User owner = this.users.lockById(ownerId).orElseThrow(() -> new NotFound("user"));
		OrganisationPolicies policies = this.organisations.findById(owner.organisationId())
			.orElseThrow(() -> new NotFound("organisation"))
			.policies();
		Instant now = this.clock.instant();
		Instant expiresAt = expiry(request, policies, now);
		TokenAllowance allowance = new TokenAllowance(this.tokens.countHoldingSlot(owner.id(), now),
				policies.maxTokensPerLicense());
		this.scopes.requireKnown(owner.organisationId(), scopes);
		TokenSecret secret = this.format.generate();
		ApiToken token = ApiToken.issue(owner, allowance, name, request.description(), scopes, allowed, secret, actor,
				now, expiresAt);
		if (this.tokens.nameTaken(owner.id(), name)) {
			throw new TokenNameTaken(name);
		}
		this.tokens.insert(token);
		TokenView view = new TokenView(token, owner.username());
		record(AuditEventType.TOKEN_CREATED, actor, view, "owner=" + owner.username() + ", expiresAt=" + expiresAt
				+ ", scopes=" + scopes.serialised() + ", allowedIps=" + allowed);
		this.events.publishEvent(new TokenCreated(TokenFacts.of(view), now));
		return new IssuedToken(view, secret);
	}

	private static Instant expiry(NewToken request, OrganisationPolicies policies, Instant now) {
		if (request.expiresInDays() != null && request.expiresAt() != null) {
			throw new InvalidExpiry("Give either 'expiresInDays' or 'expiresAt', not both.");
		}
		Instant expiresAt;
		if (request.expiresInDays() != null) {
			if (request.expiresInDays() < 1) {
				throw new InvalidExpiry("'expiresInDays' must be at least 1.");
			}
			if (request.expiresInDays() > policies.maxTokenLifetimeDays()) {
				throw new InvalidExpiry(tooLong(policies));
			}
			expiresAt = now.plus(Duration.ofDays(request.expiresInDays()));
		}
		else if (request.expiresAt() != null) {
			expiresAt = request.expiresAt();
		}
		else {
			expiresAt = now.plus(policies.defaultLifetime());
		}
		if (!expiresAt.isAfter(now)) {
			throw new InvalidExpiry("'expiresAt' must be in the future.");
		}
		if (expiresAt.isAfter(now.plus(policies.maxLifetime()))) {
			throw new InvalidExpiry(tooLong(policies));
		}
		return expiresAt;
	}

	private static String tooLong(OrganisationPolicies policies) {
		return "A token lives at most " + policies.maxTokenLifetimeDays()
				+ " days in this organisation; choose a shorter lifetime.";
	}

	private Changed revoke(Actor actor, TokenView view, StatusReason reason) {
		return revoke(actor, view, reason, (token) -> true);
	}

	/** Revokes the token if, as stored, it still meets the condition. */
	private Changed revoke(Actor actor, TokenView view, StatusReason reason, Predicate<ApiToken> condition) {
		Instant now = this.clock.instant();
		Changed revoked = change(view, (token) -> condition.test(token) && token.revoke(actor, reason, now));
		if (revoked.changed()) {
			record(AuditEventType.TOKEN_REVOKED, actor, revoked.view(), "reason=" + reason);
			this.events.publishEvent(new TokenRevoked(TokenFacts.of(revoked.view()), now, reason));
		}
		return revoked;
	}

	/**
	 * Applies a transition and stores it only if nobody changed the token since it was
	 * read. When someone did, the token is read again and the transition judged anew on
	 * what is stored, so that e.g. a leak report racing the owner's revocation still ends
	 * {@code LEAKED}, and the caller never gets back a state that was not stored.
	 * @return the token as stored afterwards, and whether this transition changed it
	 */
	private Changed change(TokenView view, Predicate<ApiToken> transition) {
		TokenView current = view;
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			ApiToken token = current.token();
			if (!transition.test(token)) {
				return new Changed(current, false);
			}
			if (this.tokens.update(token)) {
				return new Changed(current, true);
			}
			current = this.tokens.findById(token.id()).orElseThrow(() -> new NotFound("token"));
		}
		throw new TokenChangedConcurrently();
	}

	private record Changed(TokenView view, boolean changed) {

	}

	/**
	 * The token if the actor may see it: the owner, or an admin of its organisation.
	 * Anything else is answered as if the token did not exist.
	 */
	private TokenView visible(Actor actor, TokenId id) {
		return this.tokens.findById(id)
			.filter((view) -> actor.is(view.token().ownerId()) || actor.administers(view.token().organisationId()))
			.orElseThrow(() -> new NotFound("token"));
	}

	private static void requireAdmin(Actor actor) {
		OrganisationId organisation = actor.organisationId();
		if (organisation == null || actor.userId() == null || !actor.administers(organisation)) {
			throw new Forbidden("Only organisation administrators list API tokens.");
		}
	}

	private void record(AuditEventType type, Actor actor, TokenView view, @Nullable String details) {
		ApiToken token = view.token();
		AuditEntry entry = AuditEntry.of(type, actor, token.organisationId())
			.target("token", token.id(), token.name().value());
		this.audit.record((details != null) ? entry.details(details) : entry);
	}

}
