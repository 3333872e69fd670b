package dev.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why a stored token does not authenticate. The reason goes to the audit trail only, so
 * when several apply the one that says most about the token itself is chosen.
 */
class TokenCredentialUnitTests {

	private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

	private final Instant now = this.clock.instant();

	private final Instant expiresAt = this.now.plus(Duration.ofDays(30));

	@Test
	void anActiveTokenOfAnActiveLicensedOwnerAuthenticates() {
		// given
		TokenCredential credential = credential(TokenStatus.ACTIVE, true, true);

		// when / then
		assertThat(credential.refusal(this.now)).isEqualTo(RefusalReason.NONE);
		assertThat(credential.refusal(this.expiresAt.minusNanos(1))).isEqualTo(RefusalReason.NONE);
	}

	@Test
	void aTokenIsRefusedAsExpiredFromExactlyItsExpiry() {
		// given
		TokenCredential credential = credential(TokenStatus.ACTIVE, true, true);

		// when / then
		assertThat(credential.refusal(this.expiresAt)).isEqualTo(RefusalReason.EXPIRED);
	}

	@Test
	void expiryIsReportedBeforeRevocation() {
		// given
		TokenCredential credential = credential(TokenStatus.REVOKED, true, true);

		// when / then
		assertThat(credential.refusal(this.now)).isEqualTo(RefusalReason.REVOKED);
		assertThat(credential.refusal(this.expiresAt)).isEqualTo(RefusalReason.EXPIRED);
	}

	@Test
	void revocationIsReportedBeforeTheOwnersState() {
		// given
		TokenCredential credential = credential(TokenStatus.REVOKED, false, false);

		// when / then
		assertThat(credential.refusal(this.now)).isEqualTo(RefusalReason.REVOKED);
	}

	@Test
	void aDeactivatedOwnerIsReportedBeforeAMissingLicense() {
		// given
		TokenCredential credential = credential(TokenStatus.ACTIVE, false, false);

		// when / then
		assertThat(credential.refusal(this.now)).isEqualTo(RefusalReason.OWNER_DEACTIVATED);
	}

	@Test
	void anActiveOwnerWithoutALicenseIsReportedAsUnlicensed() {
		// given
		TokenCredential credential = credential(TokenStatus.ACTIVE, true, false);

		// when / then
		assertThat(credential.refusal(this.now)).isEqualTo(RefusalReason.OWNER_UNLICENSED);
	}

	private TokenCredential credential(TokenStatus status, boolean ownerActive, boolean ownerLicensed) {
		return new TokenCredential(TokenId.random(), "ci", TestTokens.FORMAT.generate().digest(), status,
				this.expiresAt.minusSeconds(86400), this.expiresAt, UserId.random(), "alice", null, null,
				Role.ORG_ADMIN, ownerActive, ownerLicensed, OrganisationId.random(), "default", TokenScopes.DEFAULT,
				AllowedAddresses.ANYWHERE);
	}

}
