package dev.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.latchkey.system.Actor;
import dev.latchkey.token.TokenProblems.TokenLimitReached;
import dev.latchkey.system.Forbidden;
import dev.latchkey.token.TokenProblems.OwnerDeactivated;
import dev.latchkey.token.TokenProblems.OwnerUnlicensed;
import dev.latchkey.token.TokenProblems.TokenExpired;
import dev.latchkey.token.TokenProblems.TokenLeaked;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every transition of the {@link ApiToken} aggregate, legal and illegal.
 */
class ApiTokenUnitTests {

	private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

	private final Instant now = this.clock.instant();

	private final User owner = TestUsers.admin();

	private final Actor admin = TestUsers.actor(TestUsers.admin(this.owner.organisationId()));

	// issue

	@Test
	void anIssuedTokenIsActiveWithoutAReason() {
		// given
		TokenSecret secret = TestTokens.FORMAT.generate();
		Instant expiresAt = this.now.plus(Duration.ofDays(30));

		// when
		ApiToken token = ApiToken.issue(this.owner, TestTokens.ALLOWANCE, new TokenName("ci"), "deploys",
				TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE, secret, TestUsers.actor(this.owner), this.now,
				expiresAt);

		// then
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.ACTIVE);
		assertThat(token.statusReason(this.now)).isNull();
		assertThat(token.isActive(this.now)).isTrue();
		assertThat(token.revokedAt()).isNull();
		assertThat(token.revokedBy()).isNull();
		assertThat(token.lastUsedAt()).isNull();
	}

	@Test
	void anIssuedTokenBelongsToItsOwnerAndOrganisationAndKeepsOnlyTheDigestAndHint() {
		// given
		TokenSecret secret = TestTokens.FORMAT.generate();
		Instant expiresAt = this.now.plus(Duration.ofDays(30));

		// when
		ApiToken token = ApiToken.issue(this.owner, TestTokens.ALLOWANCE, new TokenName("ci"), "deploys",
				TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE, secret, TestUsers.actor(this.owner), this.now,
				expiresAt);

		// then
		assertThat(token.ownerId()).isEqualTo(this.owner.id());
		assertThat(token.organisationId()).isEqualTo(this.owner.organisationId());
		assertThat(token.name()).isEqualTo(new TokenName("ci"));
		assertThat(token.description()).isEqualTo("deploys");
		assertThat(token.createdAt()).isEqualTo(this.now);
		assertThat(token.createdBy()).isEqualTo(this.owner.id().toString());
		assertThat(token.expiresAt()).isEqualTo(expiresAt);
		assertThat(token.digest()).isEqualTo(secret.digest());
		assertThat(token.hint()).isEqualTo(secret.hint());
		assertThat(token.toString()).doesNotContain(secret.reveal());
	}

	@Test
	void aTokenIsIssuedOnlyToAnActiveLicensedAdministratorWithASlotLeft() {
		// given
		TokenSecret secret = TestTokens.FORMAT.generate();
		Instant expiresAt = this.now.plus(Duration.ofDays(30));
		User general = TestUsers.user(this.owner.organisationId());

		// when / then
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> ApiToken.issue(general, TestTokens.ALLOWANCE, new TokenName("ci"), null,
					TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE, secret, this.admin, this.now, expiresAt));
		assertThatExceptionOfType(OwnerDeactivated.class).isThrownBy(
				() -> ApiToken.issue(TestUsers.deactivated(this.owner), TestTokens.ALLOWANCE, new TokenName("ci"), null,
						TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE, secret, this.admin, this.now, expiresAt));
		assertThatExceptionOfType(OwnerUnlicensed.class).isThrownBy(
				() -> ApiToken.issue(TestUsers.unlicensed(this.owner), TestTokens.ALLOWANCE, new TokenName("ci"), null,
						TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE, secret, this.admin, this.now, expiresAt));
		assertThatExceptionOfType(TokenLimitReached.class)
			.isThrownBy(() -> ApiToken.issue(this.owner, new TokenAllowance(10, 10), new TokenName("ci"), null,
					TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE, secret, this.admin, this.now, expiresAt));
		assertThat(ApiToken
			.issue(this.owner, new TokenAllowance(9, 10), new TokenName("ci"), null, TokenScopes.DEFAULT,
					AllowedAddresses.ANYWHERE, secret, this.admin, this.now, expiresAt)
			.isActive(this.now)).isTrue();
	}

	@Test
	void issuingATokenThatExpiresTheMomentItIsCreatedIsRefused() {
		// given
		TokenSecret secret = TestTokens.FORMAT.generate();

		// when / then
		assertThatIllegalArgumentException().isThrownBy(
				() -> ApiToken.issue(this.owner, TestTokens.ALLOWANCE, new TokenName("ci"), null, TokenScopes.DEFAULT,
						AllowedAddresses.ANYWHERE, secret, TestUsers.actor(this.owner), this.now, this.now));
	}

	@Test
	void issuingATokenThatHasAlreadyExpiredIsRefused() {
		// given
		TokenSecret secret = TestTokens.FORMAT.generate();
		Instant yesterday = this.now.minus(Duration.ofDays(1));

		// when / then
		assertThatIllegalArgumentException().isThrownBy(
				() -> ApiToken.issue(this.owner, TestTokens.ALLOWANCE, new TokenName("ci"), null, TokenScopes.DEFAULT,
						AllowedAddresses.ANYWHERE, secret, TestUsers.actor(this.owner), this.now, yesterday));
	}

	// status as the clock moves

	@Test
	void aTokenIsActiveUpToJustBeforeItsExpiry() {
		// given
		ApiToken token = TestTokens.active(this.now);
		Instant justBefore = token.expiresAt().minusNanos(1);

		// when / then
		assertThat(token.status(justBefore)).isEqualTo(TokenStatus.ACTIVE);
		assertThat(token.statusReason(justBefore)).isNull();
		assertThat(token.isActive(justBefore)).isTrue();
		assertThat(token.isExpired(justBefore)).isFalse();
	}

	@Test
	void aTokenIsExpiredAtExactlyItsExpiry() {
		// given
		ApiToken token = TestTokens.active(this.now);

		// when
		Instant atExpiry = token.expiresAt();

		// then
		assertThat(token.status(atExpiry)).isEqualTo(TokenStatus.EXPIRED);
		assertThat(token.statusReason(atExpiry)).isEqualTo(StatusReason.EXPIRED);
		assertThat(token.isActive(atExpiry)).isFalse();
		assertThat(token.isExpired(atExpiry)).isTrue();
	}

	@Test
	void aTokenIsExpiredAfterItsExpiryWhateverIsStored() {
		// given
		ApiToken token = TestTokens.active(this.now);
		Instant later = Clock.offset(this.clock, TestTokens.LIFETIME.plusDays(1)).instant();

		// when / then
		assertThat(token.storedStatus()).isEqualTo(TokenStatus.ACTIVE);
		assertThat(token.status(later)).isEqualTo(TokenStatus.EXPIRED);
		assertThat(token.statusReason(later)).isEqualTo(StatusReason.EXPIRED);
	}

	@Test
	void aRevokedTokenReadsAsExpiredOnceItsExpiryHasPassed() {
		// given
		ApiToken token = TestTokens.revoked(this.now, StatusReason.REVOKED_BY_OWNER);

		// when
		Instant atExpiry = token.expiresAt();

		// then
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.REVOKED);
		assertThat(token.statusReason(this.now)).isEqualTo(StatusReason.REVOKED_BY_OWNER);
		assertThat(token.status(atExpiry)).isEqualTo(TokenStatus.EXPIRED);
		assertThat(token.statusReason(atExpiry)).isEqualTo(StatusReason.EXPIRED);
	}

	// revoke

	@Test
	void revokingAnActiveTokenRecordsWhoRevokedItWhenAndWhy() {
		// given
		ApiToken token = TestTokens.active(this.owner, this.now);
		Instant revokedAt = this.now.plus(Duration.ofHours(1));

		// when
		boolean changed = token.revoke(this.admin, StatusReason.REVOKED_BY_ADMIN, revokedAt);

		// then
		assertThat(changed).isTrue();
		assertThat(token.status(revokedAt)).isEqualTo(TokenStatus.REVOKED);
		assertThat(token.statusReason(revokedAt)).isEqualTo(StatusReason.REVOKED_BY_ADMIN);
		assertThat(token.revokedAt()).isEqualTo(revokedAt);
		assertThat(token.revokedBy()).isEqualTo(this.admin.reference());
		assertThat(token.isActive(revokedAt)).isFalse();
	}

	@Test
	void revokingTwiceChangesNothingTheSecondTime() {
		// given
		ApiToken token = TestTokens.revoked(this.owner, this.now, StatusReason.REVOKED_BY_OWNER);
		Instant later = this.now.plus(Duration.ofHours(1));

		// when
		boolean changed = token.revoke(this.admin, StatusReason.REVOKED_BY_ADMIN, later);

		// then
		assertThat(changed).isFalse();
		assertThat(token.statusReason(later)).isEqualTo(StatusReason.REVOKED_BY_OWNER);
		assertThat(token.revokedAt()).isEqualTo(this.now);
		assertThat(token.revokedBy()).isEqualTo(this.owner.id().toString());
	}

	@Test
	void revokingATokenPastItsExpiryChangesNothing() {
		// given
		ApiToken token = TestTokens.active(this.now);
		Instant atExpiry = token.expiresAt();

		// when
		boolean changed = token.revoke(this.admin, StatusReason.REVOKED_BY_ADMIN, atExpiry);

		// then
		assertThat(changed).isFalse();
		assertThat(token.storedStatus()).isEqualTo(TokenStatus.ACTIVE);
		assertThat(token.status(atExpiry)).isEqualTo(TokenStatus.EXPIRED);
		assertThat(token.revokedAt()).isNull();
	}

	@Test
	void revokingATokenMarkedExpiredChangesNothing() {
		// given
		ApiToken token = TestTokens.expired(this.now);

		// when
		boolean changed = token.revoke(this.admin, StatusReason.REVOKED_BY_ADMIN, this.now);

		// then
		assertThat(changed).isFalse();
		assertThat(token.storedStatus()).isEqualTo(TokenStatus.EXPIRED);
		assertThat(token.revokedAt()).isNull();
	}

	@Test
	void revokingWithTheReasonExpiredIsRefusedBecauseExpiryIsNotARevocation() {
		// given
		ApiToken token = TestTokens.active(this.now);

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> token.revoke(this.admin, StatusReason.EXPIRED, this.now));
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.ACTIVE);
	}

	@Test
	void reportingAnActiveTokenAsLeakedRevokesIt() {
		// given
		ApiToken token = TestTokens.active(this.now);

		// when
		boolean changed = token.revoke(this.admin, StatusReason.LEAKED, this.now);

		// then
		assertThat(changed).isTrue();
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.REVOKED);
		assertThat(token.statusReason(this.now)).isEqualTo(StatusReason.LEAKED);
	}

	@Test
	void reportingARevokedTokenAsLeakedEscalatesTheReason() {
		// given
		ApiToken token = TestTokens.revoked(this.owner, this.now, StatusReason.LOGOUT);
		Instant later = this.now.plus(Duration.ofHours(1));

		// when
		boolean changed = token.revoke(this.admin, StatusReason.LEAKED, later);

		// then
		assertThat(changed).isTrue();
		assertThat(token.status(later)).isEqualTo(TokenStatus.REVOKED);
		assertThat(token.statusReason(later)).isEqualTo(StatusReason.LEAKED);
		assertThat(token.revokedAt()).isEqualTo(later);
		assertThat(token.revokedBy()).isEqualTo(this.admin.reference());
	}

	@Test
	void reportingALeakedTokenAsLeakedAgainChangesNothing() {
		// given
		ApiToken token = TestTokens.leaked(this.now);
		Instant later = this.now.plus(Duration.ofHours(1));

		// when
		boolean changed = token.revoke(this.admin, StatusReason.LEAKED, later);

		// then
		assertThat(changed).isFalse();
		assertThat(token.revokedAt()).isEqualTo(this.now);
	}

	@Test
	void revokingALeakedTokenForAMilderReasonKeepsItLeaked() {
		// given
		ApiToken token = TestTokens.leaked(this.now);

		// when
		boolean changed = token.revoke(this.admin, StatusReason.LOGOUT, this.now);

		// then
		assertThat(changed).isFalse();
		assertThat(token.statusReason(this.now)).isEqualTo(StatusReason.LEAKED);
	}

	@Test
	void reportingAnExpiredTokenAsLeakedChangesNothing() {
		// given
		ApiToken token = TestTokens.expired(this.now);

		// when
		boolean changed = token.revoke(this.admin, StatusReason.LEAKED, this.now);

		// then
		assertThat(changed).isFalse();
		assertThat(token.statusReason(this.now)).isEqualTo(StatusReason.EXPIRED);
	}

	// reapprove

	@Test
	void reapprovingARevokedTokenMakesItActiveAgain() {
		// given
		ApiToken token = TestTokens.revoked(this.owner, this.now, StatusReason.REVOKED_BY_ADMIN);
		TokenDigest digest = token.digest();
		Instant later = this.now.plus(Duration.ofDays(1));

		// when
		boolean changed = token.reapprove(this.owner, later);

		// then
		assertThat(changed).isTrue();
		assertThat(token.status(later)).isEqualTo(TokenStatus.ACTIVE);
		assertThat(token.statusReason(later)).isNull();
		assertThat(token.revokedAt()).isNull();
		assertThat(token.revokedBy()).isNull();
		assertThat(token.digest()).isEqualTo(digest);
	}

	@Test
	void reapprovingAnActiveTokenChangesNothing() {
		// given
		ApiToken token = TestTokens.active(this.owner, this.now);

		// when
		boolean changed = token.reapprove(this.owner, this.now);

		// then
		assertThat(changed).isFalse();
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.ACTIVE);
	}

	@Test
	void aReapprovedTokenCanBeRevokedAgain() {
		// given
		ApiToken token = TestTokens.reapproved(this.now);

		// when
		boolean changed = token.revoke(this.admin, StatusReason.REVOKED_BY_ADMIN, this.now);

		// then
		assertThat(changed).isTrue();
		assertThat(token.statusReason(this.now)).isEqualTo(StatusReason.REVOKED_BY_ADMIN);
	}

	@Test
	void reapprovingAnExpiredTokenIsRefused() {
		// given
		ApiToken token = TestTokens.revoked(this.owner, this.now, StatusReason.LOGOUT);
		Instant atExpiry = token.expiresAt();

		// when / then
		assertThatExceptionOfType(TokenExpired.class).isThrownBy(() -> token.reapprove(this.owner, atExpiry))
			.satisfies((ex) -> assertThat(ex.type().slug()).isEqualTo("token-expired"));
		assertThat(token.storedStatus()).isEqualTo(TokenStatus.REVOKED);
	}

	@Test
	void reapprovingATokenWhoseExpiryIsStoredIsRefused() {
		// given
		User owner = TestUsers.admin();
		ApiToken token = TestTokens.active(owner, this.now);
		token.markExpired(token.expiresAt());

		// when / then
		assertThatExceptionOfType(TokenExpired.class).isThrownBy(() -> token.reapprove(owner, this.now));
	}

	@Test
	void reapprovingALeakedTokenIsRefused() {
		// given
		ApiToken token = TestTokens.revoked(this.owner, this.now, StatusReason.LEAKED);

		// when / then
		assertThatExceptionOfType(TokenLeaked.class).isThrownBy(() -> token.reapprove(this.owner, this.now))
			.satisfies((ex) -> assertThat(ex.type().slug()).isEqualTo("token-leaked"));
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.REVOKED);
	}

	@Test
	void reapprovingWhileTheOwnerIsDeactivatedIsRefused() {
		// given
		ApiToken token = TestTokens.revoked(this.owner, this.now, StatusReason.USER_DEACTIVATED);

		// when / then
		assertThatExceptionOfType(OwnerDeactivated.class)
			.isThrownBy(() -> token.reapprove(TestUsers.deactivated(this.owner), this.now))
			.satisfies((ex) -> assertThat(ex.type().slug()).isEqualTo("owner-deactivated"));
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.REVOKED);
	}

	@Test
	void reapprovingWhileTheOwnerHoldsNoLicenseIsRefused() {
		// given
		ApiToken token = TestTokens.revoked(this.owner, this.now, StatusReason.LICENSE_REMOVED);

		// when / then
		assertThatExceptionOfType(OwnerUnlicensed.class)
			.isThrownBy(() -> token.reapprove(TestUsers.unlicensed(this.owner), this.now))
			.satisfies((ex) -> assertThat(ex.type().slug()).isEqualTo("owner-unlicensed"));
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.REVOKED);
	}

	@Test
	void reapprovingOnceTheOwnerHoldsALicenseAgainWorks() {
		// given
		ApiToken token = TestTokens.revoked(this.owner, this.now, StatusReason.LICENSE_REMOVED);
		assertThatExceptionOfType(OwnerUnlicensed.class)
			.isThrownBy(() -> token.reapprove(TestUsers.unlicensed(this.owner), this.now));

		// when
		boolean changed = token.reapprove(this.owner, this.now);

		// then
		assertThat(changed).isTrue();
		assertThat(token.isActive(this.now)).isTrue();
	}

	@Test
	void reapprovingWithSomebodyElseAsOwnerIsRefused() {
		// given
		ApiToken token = TestTokens.revoked(this.owner, this.now, StatusReason.LOGOUT);
		User somebodyElse = TestUsers.admin(this.owner.organisationId());

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> token.reapprove(somebodyElse, this.now));
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.REVOKED);
	}

	// markExpired

	@Test
	void markingATokenExpiredBeforeItsExpiryChangesNothing() {
		// given
		ApiToken token = TestTokens.active(this.now);
		Instant justBefore = token.expiresAt().minusNanos(1);

		// when
		boolean changed = token.markExpired(justBefore);

		// then
		assertThat(changed).isFalse();
		assertThat(token.storedStatus()).isEqualTo(TokenStatus.ACTIVE);
	}

	@Test
	void markingATokenExpiredAtItsExpiryStoresTheExpiry() {
		// given
		ApiToken token = TestTokens.active(this.now);

		// when
		boolean changed = token.markExpired(token.expiresAt());

		// then
		assertThat(changed).isTrue();
		assertThat(token.storedStatus()).isEqualTo(TokenStatus.EXPIRED);
		assertThat(token.storedStatusReason()).isEqualTo(StatusReason.EXPIRED);
	}

	@Test
	void markingARevokedTokenExpiredAfterItsExpiryStoresTheExpiry() {
		// given
		ApiToken token = TestTokens.revoked(this.now, StatusReason.LOGOUT);
		Instant later = token.expiresAt().plus(Duration.ofDays(1));

		// when
		boolean changed = token.markExpired(later);

		// then
		assertThat(changed).isTrue();
		assertThat(token.storedStatus()).isEqualTo(TokenStatus.EXPIRED);
		assertThat(token.storedStatusReason()).isEqualTo(StatusReason.EXPIRED);
	}

	@Test
	void markingATokenExpiredTwiceChangesNothingTheSecondTime() {
		// given
		ApiToken token = TestTokens.expired(this.now);

		// when
		boolean changed = token.markExpired(this.now);

		// then
		assertThat(changed).isFalse();
	}

	@Test
	void aStoredExpiryHoldsEvenForAnInstantBeforeExpiresAt() {
		// given
		ApiToken token = TestTokens.active(this.now);
		token.markExpired(token.expiresAt());

		// when / then
		assertThat(token.status(this.now)).isEqualTo(TokenStatus.EXPIRED);
		assertThat(token.isActive(this.now)).isFalse();
	}

	// the limit

	@Test
	void anActiveTokenCountsTowardTheLimit() {
		// given
		ApiToken token = TestTokens.active(this.now);

		// when / then
		assertThat(token.countsTowardLimit(this.now)).isTrue();
	}

	@Test
	void aRevokedTokenCountsTowardTheLimitBecauseItCanComeBack() {
		// given
		ApiToken token = TestTokens.revoked(this.now, StatusReason.REVOKED_BY_OWNER);

		// when / then
		assertThat(token.countsTowardLimit(this.now)).isTrue();
	}

	@Test
	void aLeakedTokenCountsTowardTheLimitUntilItExpires() {
		// given
		ApiToken token = TestTokens.leaked(this.now);

		// when / then
		assertThat(token.countsTowardLimit(this.now)).isTrue();
		assertThat(token.countsTowardLimit(token.expiresAt())).isFalse();
	}

	@Test
	void aReapprovedTokenCountsTowardTheLimit() {
		// given
		ApiToken token = TestTokens.reapproved(this.now);

		// when / then
		assertThat(token.countsTowardLimit(this.now)).isTrue();
	}

	@Test
	void aTokenPastItsExpiryFreesItsSlot() {
		// given
		ApiToken token = TestTokens.active(this.now);

		// when / then
		assertThat(token.countsTowardLimit(token.expiresAt())).isFalse();
	}

	@Test
	void aTokenMarkedExpiredFreesItsSlot() {
		// given
		ApiToken token = TestTokens.expired(this.now);

		// when / then
		assertThat(token.countsTowardLimit(this.now)).isFalse();
		assertThat(token.isActive(this.now)).isFalse();
	}

}
