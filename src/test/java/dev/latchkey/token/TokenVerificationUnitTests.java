package dev.latchkey.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Verification refuses what is not one of our tokens before any database work, and
 * records a use only for a token that authenticates.
 */
class TokenVerificationUnitTests {

	private static final String CLIENT_IP = "203.0.113.7";

	private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

	private final Instant now = this.clock.instant();

	private final TokenFormat format = new TokenFormat("lkp_", new SecureRandom());

	private final ApiTokens apiTokens = mock(ApiTokens.class);

	private final LastUsedTracker lastUsed = mock(LastUsedTracker.class);

	private final VerificationCache cache = new VerificationCache(
			new VerificationCacheSettings(java.time.Duration.ofSeconds(10), 1_000, 100), Runnable::run);

	private final TokenVerification verification = new TokenVerification(this.format, this.apiTokens, this.cache,
			this.lastUsed, this.clock);

	private final TokenSecret secret = this.format.generate();

	@ParameterizedTest
	@ValueSource(strings = { "", "lkp_", "Bearer", "ghp_0123456789abcdefghijABCDEFGHIJ012345",
			"lkp_0123456789abcdefghijABCDEFGHIJ01234", "lkp_0123456789abcdefghijABCDEFGHIJ0123456",
			"lkp_0123456789abcdefghij-BCDEFGHIJ012345" })
	void aStringThatIsNotShapedLikeOurTokensIsRefusedWithoutALookUp(String presented) {
		// when
		Verification result = this.verification.verify(presented, CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.MALFORMED);
		assertThat(result.credential()).isNull();
		verifyNoInteractions(this.apiTokens, this.lastUsed);
	}

	@Test
	void aTokenWithAnotherPrefixIsRefusedWithoutALookUp() {
		// given
		String otherPrefix = "lkq_" + this.secret.reveal().substring(4);

		// when
		Verification result = this.verification.verify(otherPrefix, CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.MALFORMED);
		verifyNoInteractions(this.apiTokens, this.lastUsed);
	}

	@Test
	void aTokenWithABadChecksumIsRefusedWithoutALookUp() {
		// given
		String token = this.secret.reveal();
		String mistyped = token.substring(0, 20) + ((token.charAt(20) == 'x') ? 'y' : 'x') + token.substring(21);

		// when
		Verification result = this.verification.verify(mistyped, CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.MALFORMED);
		verifyNoInteractions(this.apiTokens, this.lastUsed);
	}

	@Test
	void aTokenOfTheWrongLengthIsRefusedWithoutALookUp() {
		// given
		String truncated = this.secret.reveal().substring(0, 39);

		// when
		Verification result = this.verification.verify(truncated, CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.MALFORMED);
		verifyNoInteractions(this.apiTokens, this.lastUsed);
	}

	@Test
	void aWellFormedTokenIsLookedUpByItsDigest() {
		// given
		given(this.apiTokens.findCredential(any())).willReturn(Optional.empty());

		// when
		this.verification.verify(this.secret.reveal(), CLIENT_IP);

		// then
		then(this.apiTokens).should().findCredential(this.secret.digest());
	}

	@Test
	void aWellFormedTokenThatIsNotStoredIsRefusedAsUnknown() {
		// given
		given(this.apiTokens.findCredential(this.secret.digest())).willReturn(Optional.empty());

		// when
		Verification result = this.verification.verify(this.secret.reveal(), CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.UNKNOWN);
		assertThat(result.credential()).isNull();
		verifyNoInteractions(this.lastUsed);
	}

	@Test
	void aFoundCredentialWithAnotherDigestIsRefusedAsUnknown() {
		// given
		TokenCredential other = credential(this.format.generate(), TokenStatus.ACTIVE, true, true);
		given(this.apiTokens.findCredential(this.secret.digest())).willReturn(Optional.of(other));

		// when
		Verification result = this.verification.verify(this.secret.reveal(), CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.UNKNOWN);
		assertThat(result.credential()).isNull();
		verifyNoInteractions(this.lastUsed);
	}

	@Test
	void aRevokedTokenIsRefusedAndNotRecordedAsUsed() {
		// given
		TokenCredential revoked = stored(credential(this.secret, TokenStatus.REVOKED, true, true));

		// when
		Verification result = this.verification.verify(this.secret.reveal(), CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.REVOKED);
		assertThat(result.credential()).isEqualTo(revoked);
		assertThat(result.isAccepted()).isFalse();
		verifyNoInteractions(this.lastUsed);
	}

	@Test
	void aValidTokenPresentedToAnotherOrganisationIsRefusedAndNotRecordedAsUsed() {
		// given
		TokenCredential valid = stored(credential(this.secret, TokenStatus.ACTIVE, true, true));

		// when
		Verification result = this.verification.verify(this.secret.reveal(), CLIENT_IP,
				(credential) -> !credential.organisationId().equals(valid.organisationId()));

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.OTHER_ORGANISATION);
		assertThat(result.credential()).isEqualTo(valid);
		verifyNoInteractions(this.lastUsed);
	}

	@Test
	void aTokenMarkedExpiredIsRefusedAndNotRecordedAsUsed() {
		// given
		stored(credential(this.secret, TokenStatus.EXPIRED, true, true));

		// when
		Verification result = this.verification.verify(this.secret.reveal(), CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.EXPIRED);
		verifyNoInteractions(this.lastUsed);
	}

	@Test
	void anActiveTokenIsRefusedAsExpiredFromTheInstantItExpires() {
		// given
		stored(credential(this.secret, TokenStatus.ACTIVE, this.now, true, true));

		// when
		Verification result = this.verification.verify(this.secret.reveal(), CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.EXPIRED);
		verifyNoInteractions(this.lastUsed);
	}

	@Test
	void aTokenOfADeactivatedOwnerIsRefusedAndNotRecordedAsUsed() {
		// given
		stored(credential(this.secret, TokenStatus.ACTIVE, false, true));

		// when
		Verification result = this.verification.verify(this.secret.reveal(), CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.OWNER_DEACTIVATED);
		verifyNoInteractions(this.lastUsed);
	}

	@Test
	void aTokenOfAnUnlicensedOwnerIsRefusedAndNotRecordedAsUsed() {
		// given
		stored(credential(this.secret, TokenStatus.ACTIVE, true, false));

		// when
		Verification result = this.verification.verify(this.secret.reveal(), CLIENT_IP);

		// then
		assertThat(result.refusal()).isEqualTo(RefusalReason.OWNER_UNLICENSED);
		verifyNoInteractions(this.lastUsed);
	}

	@Test
	void aValidTokenIsAcceptedAndRecordedAsUsedNowFromTheClientsAddress() {
		// given
		TokenCredential valid = stored(credential(this.secret, TokenStatus.ACTIVE, true, true));

		// when
		Verification result = this.verification.verify(this.secret.reveal(), CLIENT_IP);

		// then
		assertThat(result.isAccepted()).isTrue();
		assertThat(result.refusal()).isEqualTo(RefusalReason.NONE);
		assertThat(result.credential()).isEqualTo(valid);
		then(this.lastUsed).should().record(valid, this.now, CLIENT_IP);
	}

	private TokenCredential stored(TokenCredential credential) {
		given(this.apiTokens.findCredential(this.secret.digest())).willReturn(Optional.of(credential));
		return credential;
	}

	private TokenCredential credential(TokenSecret secret, TokenStatus status, boolean ownerActive,
			boolean ownerLicensed) {
		return credential(secret, status, this.now.plus(Duration.ofDays(30)), ownerActive, ownerLicensed);
	}

	private TokenCredential credential(TokenSecret secret, TokenStatus status, Instant expiresAt, boolean ownerActive,
			boolean ownerLicensed) {
		return new TokenCredential(TokenId.random(), "ci", secret.digest(), status, expiresAt.minusSeconds(86400),
				expiresAt, UserId.random(), "alice", null, null, Role.ORG_ADMIN, ownerActive, ownerLicensed,
				OrganisationId.random(), "default", TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE);
	}

}
