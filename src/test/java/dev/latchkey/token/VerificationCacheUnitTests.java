package dev.latchkey.token;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.cluster.Invalidation;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import dev.latchkey.testing.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class VerificationCacheUnitTests {

	private static final TokenFormat FORMAT = new TokenFormat("lkp_", new SecureRandom());

	private final TestClock clock = new TestClock();

	private final VerificationCache cache = new VerificationCache(
			new VerificationCacheSettings(Duration.ofSeconds(10), 1_000, 100), Runnable::run);

	private final ApiTokens tokens = mock(ApiTokens.class);

	private final TokenVerification verification = new TokenVerification(FORMAT, this.tokens, this.cache,
			mock(LastUsedTracker.class), this.clock);

	@Test
	void aFloodOfUnknownTokensDoesNotEvictKnownOnes() {
		List<TokenDigest> known = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			TokenDigest digest = FORMAT.generate().digest();
			this.cache.find(digest, (d) -> Optional.of(credential(d, TokenStatus.ACTIVE, Duration.ofDays(1))));
			known.add(digest);
		}

		for (int i = 0; i < 50_000; i++) {
			this.cache.find(FORMAT.generate().digest(), (d) -> Optional.empty());
		}
		this.cache.unknown().cleanUp();

		assertThat(known).allMatch((digest) -> this.cache.known().getIfPresent(digest) != null);
		assertThat(this.cache.unknown().estimatedSize()).isLessThanOrEqualTo(100);
	}

	@Test
	void anUnknownTokenIsLookedUpOnceWhileItStaysUnknown() {
		String presented = FORMAT.generate().reveal();
		when(this.tokens.findCredential(any())).thenReturn(Optional.empty());

		Verification first = this.verification.verify(presented, "127.0.0.1");
		Verification second = this.verification.verify(presented, "127.0.0.1");

		assertThat(first.refusal()).isEqualTo(RefusalReason.UNKNOWN);
		assertThat(second.refusal()).isEqualTo(RefusalReason.UNKNOWN);
		verify(this.tokens, times(1)).findCredential(any());
	}

	@Test
	void malformedTokensNeverReachTheCachesOrTheDatabase() {
		String valid = FORMAT.generate().reveal();
		String badChecksum = valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A");

		assertThat(this.verification.verify(badChecksum, null).refusal()).isEqualTo(RefusalReason.MALFORMED);
		assertThat(this.verification.verify("lkp_short", null).refusal()).isEqualTo(RefusalReason.MALFORMED);
		assertThat(this.cache.known().estimatedSize() + this.cache.unknown().estimatedSize()).isZero();
		verifyNoInteractions(this.tokens);
	}

	@Test
	void aCachedTokenPastItsExpiryIsRefusedAtOnce() {
		TokenSecret secret = FORMAT.generate();
		when(this.tokens.findCredential(any()))
			.thenReturn(Optional.of(credential(secret.digest(), TokenStatus.ACTIVE, Duration.ofMinutes(1))));
		assertThat(this.verification.verify(secret.reveal(), null).isAccepted()).isTrue();

		this.clock.advance(Duration.ofMinutes(2));

		assertThat(this.verification.verify(secret.reveal(), null).refusal()).isEqualTo(RefusalReason.EXPIRED);
		verify(this.tokens, times(1)).findCredential(any());
	}

	@Test
	void aRevokedTokenIsRefusedFromTheCacheWithoutAQuery() {
		TokenSecret secret = FORMAT.generate();
		when(this.tokens.findCredential(any()))
			.thenReturn(Optional.of(credential(secret.digest(), TokenStatus.REVOKED, Duration.ofDays(1))));

		this.verification.verify(secret.reveal(), null);
		Verification again = this.verification.verify(secret.reveal(), null);

		assertThat(again.refusal()).isEqualTo(RefusalReason.REVOKED);
		verify(this.tokens, times(1)).findCredential(any());
	}

	@Test
	void aReadThatRacedAnInvalidationIsNotKept() {
		TokenDigest digest = FORMAT.generate().digest();
		TokenCredential stale = credential(digest, TokenStatus.ACTIVE, Duration.ofDays(1));

		// The revocation commits and invalidates while this read is in flight.
		this.cache.find(digest, (d) -> {
			this.cache.invalidate(Invalidation.token(stale.tokenId().value()));
			return Optional.of(stale);
		});

		assertThat(this.cache.known().getIfPresent(digest)).isNull();
		AtomicInteger reads = new AtomicInteger();
		this.cache.find(digest, (d) -> {
			reads.incrementAndGet();
			return Optional.of(credential(d, TokenStatus.REVOKED, Duration.ofDays(1)));
		});
		assertThat(reads).hasValue(1);
	}

	@Test
	void invalidatingAUserOrAnOrganisationRemovesTheirTokensOnly() {
		TokenCredential mine = cached(credential(FORMAT.generate().digest(), TokenStatus.ACTIVE, Duration.ofDays(1)));
		TokenCredential other = cached(credential(FORMAT.generate().digest(), TokenStatus.ACTIVE, Duration.ofDays(1)));
		TokenCredential third = cached(credential(FORMAT.generate().digest(), TokenStatus.ACTIVE, Duration.ofDays(1)));

		this.cache.invalidate(Invalidation.user(mine.ownerId().value()));
		this.cache.invalidate(Invalidation.organisation(other.organisationId().value()));

		assertThat(this.cache.known().getIfPresent(mine.digest())).isNull();
		assertThat(this.cache.known().getIfPresent(other.digest())).isNull();
		assertThat(this.cache.known().getIfPresent(third.digest())).isEqualTo(third);
	}

	@Test
	void invalidatingEverythingAlsoForgetsUnknownDigests() {
		TokenDigest unknown = FORMAT.generate().digest();
		this.cache.find(unknown, (d) -> Optional.empty());

		this.cache.invalidateAll();

		assertThat(this.cache.unknown().getIfPresent(unknown)).isNull();
	}

	private TokenCredential cached(TokenCredential credential) {
		this.cache.find(credential.digest(), (d) -> Optional.of(credential));
		return credential;
	}

	private TokenCredential credential(TokenDigest digest, TokenStatus status, Duration lifetime) {
		Instant expiresAt = this.clock.instant().plus(lifetime);
		return new TokenCredential(TokenId.random(), "token", digest, status, expiresAt.minusSeconds(86400), expiresAt,
				UserId.random(), "owner", null, null, Role.ORG_ADMIN, true, true, OrganisationId.random(), "org",
				TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE);
	}

}
