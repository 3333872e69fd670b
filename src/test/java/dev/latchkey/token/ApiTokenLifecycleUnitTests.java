package dev.latchkey.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §9: the token's own rules for unused revocation and expiry reminders.
 */
class ApiTokenLifecycleUnitTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private static final List<Integer> SEVEN_AND_ONE = List.of(7, 1);

	@Test
	void aTokenCreatedBeforeTheCutoffAndNeverUsedIsUnused() {
		// given
		ApiToken token = TestTokens.active(NOW);

		// when / then
		assertThat(token.isUnusedSince(NOW.plusSeconds(1), NOW.plusSeconds(2))).isTrue();
		assertThat(token.isUnusedSince(NOW, NOW.plusSeconds(2))).isFalse();
	}

	@Test
	void aReapprovalAfterTheCutoffIsASignOfLife() {
		// given: revoked and re-approved at NOW
		ApiToken token = TestTokens.reapproved(NOW);

		// when / then
		assertThat(token.reapprovedAt()).isEqualTo(NOW);
		assertThat(token.isUnusedSince(NOW.minusSeconds(1), NOW.plusSeconds(5))).isFalse();
		assertThat(token.isUnusedSince(NOW.plusSeconds(1), NOW.plusSeconds(5))).isTrue();
	}

	@Test
	void aRotationIsNoSignOfLife() {
		// given: created a month ago, rotated now
		ApiToken token = TestTokens.active(NOW.minus(Duration.ofDays(30)));
		token.rotate(TestTokens.FORMAT.generate(), Duration.ZERO, Duration.ofDays(365), NOW);

		// when / then
		assertThat(token.isUnusedSince(NOW.minus(Duration.ofDays(1)), NOW.plusSeconds(1))).isTrue();
	}

	@Test
	void aRevokedTokenIsNotRevokedAgainAsUnused() {
		// given
		ApiToken token = TestTokens.revoked(NOW, StatusReason.REVOKED_BY_OWNER);

		// when / then
		assertThat(token.isUnusedSince(NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(10)))).isFalse();
	}

	@Test
	void anUnusedTokenCanBeReapproved() {
		// given
		User owner = TestUsers.admin();
		ApiToken token = TestTokens.revoked(owner, NOW, StatusReason.UNUSED);

		// when
		boolean changed = token.reapprove(owner, NOW.plusSeconds(60));

		// then
		assertThat(changed).isTrue();
		assertThat(token.isActive(NOW.plusSeconds(60))).isTrue();
		assertThat(token.reapprovedAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void noReminderIsDueBeforeTheLargestThreshold() {
		// given: 90 days to live
		ApiToken token = TestTokens.active(NOW);

		// when / then
		assertThat(token.expiryReminderDue(SEVEN_AND_ONE, NOW.plus(Duration.ofDays(82)))).isNull();
	}

	@Test
	void theNearestThresholdTheTokenIsWithinIsDue() {
		// given
		ApiToken token = TestTokens.active(NOW);
		Instant expiresAt = token.expiresAt();

		// when / then
		assertThat(token.expiryReminderDue(SEVEN_AND_ONE, expiresAt.minus(Duration.ofDays(7)))).isEqualTo(7);
		assertThat(token.expiryReminderDue(SEVEN_AND_ONE, expiresAt.minus(Duration.ofDays(3)))).isEqualTo(7);
		assertThat(token.expiryReminderDue(SEVEN_AND_ONE, expiresAt.minus(Duration.ofHours(12)))).isEqualTo(1);
	}

	@Test
	void noReminderIsDueForAnExpiredOrRevokedTokenOrWithoutThresholds() {
		// given
		ApiToken revoked = TestTokens.revoked(NOW, StatusReason.REVOKED_BY_ADMIN);
		ApiToken active = TestTokens.active(NOW);
		Instant dayBefore = active.expiresAt().minus(Duration.ofDays(1));

		// when / then
		assertThat(revoked.expiryReminderDue(SEVEN_AND_ONE, dayBefore)).isNull();
		assertThat(active.expiryReminderDue(SEVEN_AND_ONE, active.expiresAt())).isNull();
		assertThat(active.expiryReminderDue(List.of(), dayBefore)).isNull();
	}

}
