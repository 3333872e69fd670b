package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code lastUsedAt} / {@code lastUsedIp} in memory and writes them as one JDBC
 * batch per interval, and once more on shutdown, instead of once per request (SPEC rule
 * 13). At most one {@code TOKEN_AUTHENTICATED} audit event is written per token per
 * {@code authenticated-audit-interval}. Requests per token and day (SPEC §9) are counted
 * in memory and written in the same transaction.
 */
@Component
class LastUsedTracker {

	private static final Logger logger = LoggerFactory.getLogger(LastUsedTracker.class);

	/**
	 * Bounded by the number of tokens that can authenticate, since only verified tokens
	 * are recorded.
	 */
	private final Map<TokenId, Use> pending = new ConcurrentHashMap<>();

	private final Map<TokenId, Instant> lastAudited = new ConcurrentHashMap<>();

	private final UsageCounts usage = new UsageCounts();

	private final ApiTokens tokens;

	private final UsageDays usageDays;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final TokenSettings settings;

	private final Clock clock;

	LastUsedTracker(ApiTokens tokens, UsageDays usageDays, AuditTrail audit, TransactionTemplate transactions,
			TokenSettings settings, Clock clock) {
		this.tokens = tokens;
		this.usageDays = usageDays;
		this.audit = audit;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	void record(TokenCredential credential, Instant at, @Nullable String clientIp) {
		this.pending.put(credential.tokenId(), new Use(credential, at, clientIp));
		this.usage.count(credential.tokenId(), at);
	}

	void flush() {
		Instant horizon = this.clock.instant().minus(this.settings.authenticatedAuditInterval());
		this.lastAudited.values().removeIf((audited) -> audited.isBefore(horizon));
		if (this.pending.isEmpty()) {
			return;
		}
		Map<TokenId, Use> batch = Map.copyOf(this.pending);
		// Only the uses copied: a newer one recorded meanwhile waits for the next flush.
		batch.forEach((id, use) -> this.pending.remove(id, use));
		List<UsageCounts.Increment> counted = this.usage.take(this.clock.instant());
		try {
			Map<TokenId, Instant> audited = new HashMap<>();
			this.transactions.executeWithoutResult((status) -> {
				this.tokens.recordUses(batch.values().stream().map(Use::lastUse).toList());
				this.usageDays.add(counted);
				batch.values().forEach((use) -> auditIfDue(use, audited));
			});
			// Only committed audit events count; a rolled-back one is retried.
			this.lastAudited.putAll(audited);
		}
		catch (RuntimeException ex) {
			// Keep the uses for the next flush rather than lose them; newer uses win.
			batch.forEach(this.pending::putIfAbsent);
			this.usage.giveBack(counted);
			logger.warn("Could not write last-used times of {} tokens: {}", batch.size(), ex.getMessage());
		}
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

	private void auditIfDue(Use use, Map<TokenId, Instant> audited) {
		Instant now = this.clock.instant();
		Instant lastAudit = this.lastAudited.get(use.credential().tokenId());
		if (lastAudit == null || !lastAudit.plus(this.settings.authenticatedAuditInterval()).isAfter(now)) {
			audited.put(use.credential().tokenId(), now);
			TokenCredential credential = use.credential();
			Actor actor = Actor.user(credential.ownerId(), credential.username(), credential.organisationId(),
					credential.role(), use.clientIp());
			this.audit.record(AuditEntry.of(AuditEventType.TOKEN_AUTHENTICATED, actor, credential.organisationId())
				.target("token", credential.tokenId(), credential.tokenName()));
		}
	}

	private record Use(TokenCredential credential, Instant at, @Nullable String clientIp) {

		ApiTokens.LastUse lastUse() {
			return new ApiTokens.LastUse(this.credential.tokenId(), this.at, this.clientIp);
		}

	}

}
