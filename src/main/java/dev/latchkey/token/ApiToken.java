package dev.latchkey.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import dev.latchkey.token.TokenProblems.OwnerDeactivated;
import dev.latchkey.token.TokenProblems.OwnerUnlicensed;
import dev.latchkey.token.TokenProblems.TokenExpired;
import dev.latchkey.token.TokenProblems.TokenLeaked;
import dev.latchkey.token.TokenProblems.TokenLimitReached;
import dev.latchkey.user.User;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token. It owns its life cycle: it is issued active, can be revoked
 * (which is harmless to repeat), re-approved while it has not expired, and expires when
 * the clock passes {@code expiresAt}, whatever its stored status says. It holds the
 * digest of its secret, never the secret.
 */
public final class ApiToken {

	private final TokenId id;

	private final UserId ownerId;

	private final OrganisationId organisationId;

	private TokenName name;

	private @Nullable String description;

	private TokenScopes scopes;

	private AllowedAddresses allowedAddresses;

	private TokenDigest digest;

	private String hint;

	private final Instant createdAt;

	private final String createdBy;

	private Instant expiresAt;

	/** The secret a rotation replaced, and until when it still authenticates. */
	private @Nullable Overlap previous;

	private @Nullable Instant rotatedAt;

	private TokenStatus status;

	private @Nullable StatusReason statusReason;

	private @Nullable Instant revokedAt;

	private @Nullable String revokedBy;

	private final @Nullable Instant lastUsedAt;

	private final @Nullable String lastUsedIp;

	private @Nullable Instant reapprovedAt;

	/** Bumped by every stored change: the optimistic lock {@code ApiTokens} checks. */
	private final int version;

	ApiToken(TokenId id, UserId ownerId, OrganisationId organisationId, TokenName name, @Nullable String description,
			TokenScopes scopes, AllowedAddresses allowedAddresses, TokenDigest digest, String hint, Instant createdAt,
			String createdBy, Instant expiresAt, TokenStatus status, @Nullable StatusReason statusReason,
			@Nullable Instant revokedAt, @Nullable String revokedBy, @Nullable Instant lastUsedAt,
			@Nullable String lastUsedIp, @Nullable Overlap previous, @Nullable Instant rotatedAt,
			@Nullable Instant reapprovedAt, int version) {
		this.id = id;
		this.ownerId = ownerId;
		this.organisationId = organisationId;
		this.name = name;
		this.description = description;
		this.scopes = scopes;
		this.allowedAddresses = allowedAddresses;
		this.digest = digest;
		this.hint = hint;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.expiresAt = expiresAt;
		this.status = status;
		this.statusReason = statusReason;
		this.revokedAt = revokedAt;
		this.revokedBy = revokedBy;
		this.lastUsedAt = lastUsedAt;
		this.lastUsedIp = lastUsedIp;
		this.previous = previous;
		this.rotatedAt = rotatedAt;
		this.reapprovedAt = reapprovedAt;
		this.version = version;
	}

	/**
	 * Issues a new, active token (SPEC rules 1 and 3): only to an active, licensed
	 * organisation administrator whose allowance is not used up. The caller has checked
	 * the lifetime against the organisation's policies.
	 * @throws Forbidden if the owner is not an organisation administrator
	 * @throws OwnerDeactivated if the owner is deactivated
	 * @throws OwnerUnlicensed if the owner holds no license
	 * @throws TokenLimitReached if the owner holds as many tokens as a license allows
	 */
	static ApiToken issue(User owner, TokenAllowance allowance, TokenName name, @Nullable String description,
			TokenScopes scopes, AllowedAddresses allowedAddresses, TokenSecret secret, Actor createdBy, Instant now,
			Instant expiresAt) {
		if (owner.role() != Role.ORG_ADMIN) {
			throw new Forbidden("API tokens are issued to organisation administrators only.");
		}
		requireEligible(owner);
		if (allowance.isUsedUp()) {
			throw new TokenLimitReached(allowance.perLicense());
		}
		if (!expiresAt.isAfter(now)) {
			throw new IllegalArgumentException("A token must expire after it is created");
		}
		return new ApiToken(TokenId.random(), owner.id(), owner.organisationId(), name, description, scopes,
				allowedAddresses, secret.digest(), secret.hint(), now, createdBy.reference(), expiresAt,
				TokenStatus.ACTIVE, null, null, null, null, null, null, null, null, 0);
	}

	/**
	 * SPEC rules 6–8: a token is issued or re-approved only for an owner who is active
	 * and holds a license.
	 */
	private static void requireEligible(User owner) {
		if (!owner.isActive()) {
			throw new OwnerDeactivated();
		}
		if (!owner.licensed()) {
			throw new OwnerUnlicensed();
		}
	}

	TokenValidity validity() {
		return new TokenValidity(this.status, this.expiresAt);
	}

	/**
	 * The status as of {@code now}: past its expiry a token is expired, whatever is
	 * stored.
	 */
	public TokenStatus status(Instant now) {
		return validity().status(now);
	}

	public @Nullable StatusReason statusReason(Instant now) {
		return isExpired(now) ? StatusReason.EXPIRED : this.statusReason;
	}

	public boolean isActive(Instant now) {
		return validity().isActive(now);
	}

	public boolean isExpired(Instant now) {
		return validity().isExpired(now);
	}

	/** SPEC rule 3, see {@link TokenValidity#holdsSlot}. */
	public boolean countsTowardLimit(Instant now) {
		return validity().holdsSlot(now);
	}

	/**
	 * Revokes the token. Revoking a token that is not active changes nothing, except that
	 * a leak report makes an already revoked token permanently un-re-approvable.
	 * @return whether anything changed
	 */
	boolean revoke(Actor by, StatusReason reason, Instant now) {
		if (reason == StatusReason.EXPIRED) {
			throw new IllegalArgumentException("Expiry is not a revocation");
		}
		TokenStatus current = status(now);
		boolean escalateToLeaked = current == TokenStatus.REVOKED && reason == StatusReason.LEAKED
				&& this.statusReason != StatusReason.LEAKED;
		if (current != TokenStatus.ACTIVE && !escalateToLeaked) {
			return false;
		}
		this.status = TokenStatus.REVOKED;
		this.statusReason = reason;
		this.revokedAt = now;
		this.revokedBy = by.reference();
		return true;
	}

	/**
	 * Makes a revoked token active again, with the same secret.
	 * @return whether anything changed (re-approving an active token is harmless)
	 * @throws TokenExpired if the token has expired
	 * @throws TokenLeaked if it was revoked because it leaked
	 * @throws OwnerDeactivated if its owner is deactivated
	 * @throws OwnerUnlicensed if its owner holds no license
	 */
	boolean reapprove(User owner, Instant now) {
		if (!owner.id().equals(this.ownerId)) {
			throw new IllegalArgumentException("Not this token's owner");
		}
		TokenStatus current = status(now);
		if (current == TokenStatus.EXPIRED) {
			throw new TokenExpired();
		}
		if (current == TokenStatus.ACTIVE) {
			return false;
		}
		if (this.statusReason == StatusReason.LEAKED) {
			throw new TokenLeaked();
		}
		requireEligible(owner);
		this.status = TokenStatus.ACTIVE;
		this.statusReason = null;
		this.revokedAt = null;
		this.revokedBy = null;
		this.reapprovedAt = now;
		return true;
	}

	/**
	 * SPEC §9: whether the token has shown no sign of life since {@code cutoff}: not
	 * created, used or re-approved at or after it (the signs SPEC §9 names; a rotation is
	 * not one: a fresh secret nobody uses is as idle as the old one). The one home of the
	 * rule; {@code ApiTokens.findUnusedSince} asks the same of the database, to find
	 * candidates. Only an active token can be revoked as unused.
	 */
	boolean isUnusedSince(Instant cutoff, Instant now) {
		return isActive(now) && this.createdAt.isBefore(cutoff) && before(this.lastUsedAt, cutoff)
				&& before(this.reapprovedAt, cutoff);
	}

	private static boolean before(@Nullable Instant moment, Instant cutoff) {
		return moment == null || moment.isBefore(cutoff);
	}

	/**
	 * SPEC §9: the expiry reminder due now, of the organisation's thresholds (days before
	 * expiry): the nearest threshold the token is within, or {@code null} when it is not
	 * within any or is not active. Only that one is announced; larger thresholds it
	 * passed at the same time (a token created with 3 days left, a job that did not run
	 * for a week) are passed over, so an owner never gets two reminders at once nor a
	 * reminder that says more time is left than is.
	 */
	@Nullable Integer expiryReminderDue(List<Integer> thresholdDays, Instant now) {
		if (!isActive(now)) {
			return null;
		}
		Duration left = Duration.between(now, this.expiresAt);
		return thresholdDays.stream()
			.filter((days) -> left.compareTo(Duration.ofDays(days)) <= 0)
			.min(Integer::compare)
			.orElse(null);
	}

	/**
	 * Gives the token a new secret (SPEC §9): same id, name, scopes and allowlist, and a
	 * fresh expiry of its lifetime (as it was issued or last rotated), within the
	 * organisation's maximum. The old secret keeps working for the overlap, never past
	 * its own expiry; with no overlap it stops at once.
	 * @throws TokenExpired if the token has expired
	 * @throws TokenProblems.TokenNotActive if it is revoked
	 */
	void rotate(TokenSecret secret, Duration overlap, Duration maxLifetime, Instant now) {
		TokenStatus current = status(now);
		if (current == TokenStatus.EXPIRED) {
			throw new TokenExpired();
		}
		if (current != TokenStatus.ACTIVE) {
			throw new TokenProblems.TokenNotActive();
		}
		Instant overlapEnds = now.plus(overlap);
		this.previous = overlap.isZero() ? null
				: new Overlap(this.digest, overlapEnds.isBefore(this.expiresAt) ? overlapEnds : this.expiresAt);
		Duration lifetime = Duration.between((this.rotatedAt != null) ? this.rotatedAt : this.createdAt,
				this.expiresAt);
		this.expiresAt = now.plus((lifetime.compareTo(maxLifetime) > 0) ? maxLifetime : lifetime);
		this.digest = secret.digest();
		this.hint = secret.hint();
		this.rotatedAt = now;
	}

	/** A secret replaced by a rotation, valid until {@code validUntil}. */
	record Overlap(TokenDigest digest, Instant validUntil) {

	}

	/**
	 * Renames, describes, moves the allowlist and narrows the scopes (SPEC §8), whatever
	 * the token's status; what the changes leave out stays as it is.
	 * @return whether anything changed
	 * @throws TokenProblems.ScopeWidening if the new scopes would grant more than the
	 * current ones
	 */
	boolean update(TokenChanges changes) {
		TokenName newName = (changes.name() != null) ? changes.name() : this.name;
		String newDescription = (changes.description() != null) ? emptyToNull(changes.description()) : this.description;
		TokenScopes newScopes = (changes.scopes() != null) ? this.scopes.narrowTo(changes.scopes()) : this.scopes;
		AllowedAddresses newAllowlist = (changes.allowedAddresses() != null) ? changes.allowedAddresses()
				: this.allowedAddresses;
		boolean changed = !newName.equals(this.name) || !Objects.equals(newDescription, this.description)
				|| !newScopes.equals(this.scopes) || !newAllowlist.equals(this.allowedAddresses);
		this.name = newName;
		this.description = newDescription;
		this.scopes = newScopes;
		this.allowedAddresses = newAllowlist;
		return changed;
	}

	private static @Nullable String emptyToNull(String text) {
		return text.isEmpty() ? null : text;
	}

	/**
	 * Stores the expiry once the clock has passed it.
	 * @return whether anything changed
	 */
	boolean markExpired(Instant now) {
		if (this.status == TokenStatus.EXPIRED || !validity().isExpired(now)) {
			return false;
		}
		this.status = TokenStatus.EXPIRED;
		this.statusReason = StatusReason.EXPIRED;
		return true;
	}

	public TokenId id() {
		return this.id;
	}

	public UserId ownerId() {
		return this.ownerId;
	}

	public OrganisationId organisationId() {
		return this.organisationId;
	}

	public TokenName name() {
		return this.name;
	}

	public @Nullable String description() {
		return this.description;
	}

	@Nullable Overlap previous() {
		return this.previous;
	}

	/**
	 * Until when the secret replaced by the last rotation still works, for the page that
	 * shows the new one; {@code null} when no old secret works.
	 */
	public @Nullable Instant previousValidUntil() {
		return (this.previous != null) ? this.previous.validUntil() : null;
	}

	public @Nullable Instant rotatedAt() {
		return this.rotatedAt;
	}

	public TokenScopes scopes() {
		return this.scopes;
	}

	public AllowedAddresses allowedAddresses() {
		return this.allowedAddresses;
	}

	TokenDigest digest() {
		return this.digest;
	}

	public String hint() {
		return this.hint;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public String createdBy() {
		return this.createdBy;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	/** The status as stored, without looking at the clock. */
	TokenStatus storedStatus() {
		return this.status;
	}

	@Nullable StatusReason storedStatusReason() {
		return this.statusReason;
	}

	public @Nullable Instant revokedAt() {
		return this.revokedAt;
	}

	public @Nullable String revokedBy() {
		return this.revokedBy;
	}

	public @Nullable Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	public @Nullable String lastUsedIp() {
		return this.lastUsedIp;
	}

	public @Nullable Instant reapprovedAt() {
		return this.reapprovedAt;
	}

	int version() {
		return this.version;
	}

	@Override
	public String toString() {
		return "ApiToken[id=" + this.id + ", name=" + this.name + ", status=" + this.status + "]";
	}

}
