package dev.latchkey.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import dev.latchkey.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Last-used times are kept in memory and written in batches (SPEC rule 13); a token's use
 * is audited at most once per interval.
 */
class LastUsedTrackerUnitTests {

	private static final Duration AUDIT_INTERVAL = Duration.ofHours(1);

	private final MovableClock clock = new MovableClock(Instant.parse("2025-06-01T12:00:00Z"));

	private final ApiTokens apiTokens = mock(ApiTokens.class);

	private final AuditTrail audit = mock(AuditTrail.class);

	private final CountingTransactions transactions = new CountingTransactions();

	private final UsageDays usageDays = mock(UsageDays.class);

	private final LastUsedTracker tracker = new LastUsedTracker(this.apiTokens, this.usageDays, this.audit,
			this.transactions,
			new TokenSettings("lkp_", Duration.ofSeconds(30), Duration.ofSeconds(60), AUDIT_INTERVAL), this.clock);

	private final TokenCredential credential = new TokenCredential(TokenId.random(), "ci",
			TestTokens.FORMAT.generate().digest(), TokenStatus.ACTIVE, Instant.parse("2025-06-01T00:00:00Z"),
			Instant.parse("2025-09-01T00:00:00Z"), UserId.random(), "alice", null, null, Role.ORG_ADMIN, true, true,
			OrganisationId.random(), "default", TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE);

	@Test
	void aUseIsWrittenAtTheNextFlushAndNotBefore() {
		// given
		Instant usedAt = this.clock.instant();

		// when
		this.tracker.record(this.credential, usedAt, "203.0.113.7");

		// then
		verifyNoInteractions(this.apiTokens);
		this.tracker.flush();
		assertThat(written()).contains(new ApiTokens.LastUse(this.credential.tokenId(), usedAt, "203.0.113.7"));
	}

	@Test
	void onlyTheLatestUseOfATokenIsWritten() {
		// given
		Instant first = this.clock.instant();
		Instant second = first.plusSeconds(5);
		this.tracker.record(this.credential, first, "203.0.113.7");
		this.tracker.record(this.credential, second, "198.51.100.2");

		// when
		this.tracker.flush();

		// then
		assertThat(written()).contains(new ApiTokens.LastUse(this.credential.tokenId(), second, "198.51.100.2"));
		assertThat(written()).doesNotContain(new ApiTokens.LastUse(this.credential.tokenId(), first, "203.0.113.7"));
	}

	@Test
	void aUseIsWrittenOnlyOnce() {
		// given
		this.tracker.record(this.credential, this.clock.instant(), "203.0.113.7");
		this.tracker.flush();

		// when
		this.tracker.flush();

		// then
		assertThat(written()).hasSize(1);
		assertThat(this.transactions.count).isEqualTo(1);
	}

	@Test
	void aFlushWithNothingToWriteOpensNoTransaction() {
		// when
		this.tracker.flush();

		// then
		assertThat(this.transactions.count).isZero();
		verifyNoInteractions(this.apiTokens, this.audit);
	}

	@Test
	void aUseThatCouldNotBeWrittenIsWrittenAtTheNextFlush() {
		// given
		Instant usedAt = this.clock.instant();
		this.tracker.record(this.credential, usedAt, "203.0.113.7");
		willThrow(new TransientDataAccessResourceException("database restarting")).willDoNothing()
			.given(this.apiTokens)
			.recordUses(any());
		this.tracker.flush();

		// when
		this.tracker.flush();

		// then
		assertThat(written()).containsExactly(new ApiTokens.LastUse(this.credential.tokenId(), usedAt, "203.0.113.7"),
				new ApiTokens.LastUse(this.credential.tokenId(), usedAt, "203.0.113.7"));
		this.tracker.flush();
		assertThat(this.transactions.count).isEqualTo(2);
	}

	@Test
	void aNewerUseWinsOverOneThatCouldNotBeWritten() {
		// given
		Instant first = this.clock.instant();
		Instant newer = first.plusSeconds(1);
		this.tracker.record(this.credential, first, "203.0.113.7");
		willAnswer((invocation) -> {
			this.tracker.record(this.credential, newer, "198.51.100.2");
			throw new TransientDataAccessResourceException("database restarting");
		}).willDoNothing().given(this.apiTokens).recordUses(any());
		this.tracker.flush();

		// when
		this.tracker.flush();

		// then
		assertThat(written()).contains(new ApiTokens.LastUse(this.credential.tokenId(), newer, "198.51.100.2"));
	}

	@Test
	void pendingUsesAreWrittenOnShutdown() {
		// given
		Instant usedAt = this.clock.instant();
		this.tracker.record(this.credential, usedAt, "203.0.113.7");

		// when
		this.tracker.flushOnShutdown();

		// then
		assertThat(written()).contains(new ApiTokens.LastUse(this.credential.tokenId(), usedAt, "203.0.113.7"));
	}

	@Test
	void aTokensUseIsAuditedAtMostOncePerInterval() {
		// given
		useAndFlush();
		this.clock.advance(AUDIT_INTERVAL.minusSeconds(1));

		// when
		useAndFlush();

		// then
		then(this.audit).should(times(1)).record(any());
	}

	@Test
	void aTokensUseIsAuditedAgainOnceTheIntervalHasPassed() {
		// given
		useAndFlush();
		this.clock.advance(AUDIT_INTERVAL);

		// when
		useAndFlush();

		// then
		then(this.audit).should(times(2)).record(any());
	}

	@Test
	void aUseWhoseAuditEventWasRolledBackIsAuditedAtTheNextFlush() {
		// given
		willThrow(new TransientDataAccessResourceException("database restarting")).willDoNothing()
			.given(this.audit)
			.record(any());
		useAndFlush();

		// when
		this.tracker.flush();

		// then
		then(this.audit).should(times(2)).record(any());
	}

	@Test
	void aUseIsAuditedAtTheNextFlushWhenAnotherTokensWriteRolledBackTheBatch() {
		// given
		TokenCredential other = new TokenCredential(TokenId.random(), "other", TestTokens.FORMAT.generate().digest(),
				TokenStatus.ACTIVE, Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-09-01T00:00:00Z"),
				UserId.random(), "bob", null, null, Role.ORG_ADMIN, true, true, this.credential.organisationId(),
				"default", TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE);
		willThrow(new TransientDataAccessResourceException("database restarting")).willDoNothing()
			.given(this.apiTokens)
			.recordUses(argThat((uses) -> uses.stream().anyMatch((use) -> use.tokenId().equals(other.tokenId()))));
		this.tracker.record(this.credential, this.clock.instant(), "203.0.113.7");
		this.tracker.record(other, this.clock.instant(), "203.0.113.8");
		this.tracker.flush();
		clearInvocations(this.audit);

		// when
		this.tracker.flush();

		// then
		ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
		then(this.audit).should(times(2)).record(entries.capture());
		assertThat(entries.getAllValues()).extracting(AuditEntry::targetName).containsExactlyInAnyOrder("ci", "other");
	}

	@Test
	void theAuditedUseNamesTheOwnerTheTokenAndTheClientAddress() {
		// when
		useAndFlush();

		// then
		ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
		then(this.audit).should().record(entry.capture());
		assertThat(entry.getValue().type()).isEqualTo(AuditEventType.TOKEN_AUTHENTICATED);
		assertThat(entry.getValue().organisation()).isEqualTo(this.credential.organisationId());
		assertThat(entry.getValue().actor().userId()).isEqualTo(this.credential.ownerId());
		assertThat(entry.getValue().actor().clientIp()).isEqualTo("203.0.113.7");
		assertThat(entry.getValue().targetName()).isEqualTo("ci");
	}

	private void useAndFlush() {
		this.tracker.record(this.credential, this.clock.instant(), "203.0.113.7");
		this.tracker.flush();
	}

	/** Runs the callback at once, as a transaction would, and counts how often. */
	private static final class CountingTransactions extends TransactionTemplate {

		private int count;

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			this.count++;
			TransactionStatus status = new SimpleTransactionStatus();
			return action.doInTransaction(status);
		}

	}

	/** A fixed clock that a test moves forward instead of sleeping. */
	/** Every use handed to the repository, over all batches, failed ones included. */
	@SuppressWarnings("unchecked")
	private List<ApiTokens.LastUse> written() {
		return org.mockito.Mockito.mockingDetails(this.apiTokens)
			.getInvocations()
			.stream()
			.filter((invocation) -> invocation.getMethod().getName().equals("recordUses"))
			.flatMap((invocation) -> ((java.util.Collection<ApiTokens.LastUse>) invocation.getArgument(0)).stream())
			.toList();
	}

}
