package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.latchkey.organisation.Organisations;
import dev.latchkey.token.ApiTokens.ReminderCandidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SPEC §9: expiry reminders, each announced exactly once. For every threshold some
 * organisation uses, the active tokens within it are found; for each, the reminder is
 * claimed by a row in {@code expiry_reminders} (token, threshold, expiry) and, by the
 * claim that wins, {@link TokenExpiryApproaching} is published in the claim's transaction
 * (so the e-mail and webhook that follow are stored with it). Which threshold is
 * announced is {@link ApiToken#expiryReminderDue}'s to say; a threshold passed over is
 * claimed silently, so it never comes due later.
 */
@Component
class ExpiryReminders {

	private static final Logger logger = LoggerFactory.getLogger(ExpiryReminders.class);

	static final int BATCH_SIZE = 200;

	/** Bounds one run per threshold; what is left waits for the next. */
	private static final int MAX_BATCHES = 50;

	private final ApiTokens tokens;

	private final Organisations organisations;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	ExpiryReminders(ApiTokens tokens, Organisations organisations, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.tokens = tokens;
		this.organisations = organisations;
		this.events = events;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The scheduled job: announces what is due, and logs rather than throws. */
	void remindDue() {
		try {
			int announced = announceDue();
			if (announced > 0) {
				logger.info("Announced {} expiry reminders", announced);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not send expiry reminders, will retry: {}", ex.getMessage());
		}
	}

	/**
	 * @return how many reminders this call announced
	 */
	int announceDue() {
		Instant now = this.clock.instant();
		int announced = 0;
		for (int threshold : this.organisations.expiryReminderThresholds()) {
			List<ReminderCandidate> batch;
			int batches = 0;
			do {
				batch = this.tokens.findDueForReminder(threshold, now, BATCH_SIZE);
				for (ReminderCandidate candidate : batch) {
					announced += claim(candidate, threshold, now) ? 1 : 0;
				}
			}
			while (batch.size() == BATCH_SIZE && ++batches < MAX_BATCHES);
		}
		return announced;
	}

	/**
	 * @return whether this call won the claim and announced the reminder
	 */
	private boolean claim(ReminderCandidate candidate, int threshold, Instant now) {
		ApiToken token = candidate.view().token();
		boolean announce = Integer.valueOf(threshold).equals(token.expiryReminderDue(candidate.reminderDays(), now));
		try {
			return Boolean.TRUE.equals(this.ownTransaction.execute((status) -> {
				if (!this.tokens.claimReminder(token.id(), threshold, token.expiresAt(), now, announce)) {
					return false;
				}
				if (announce) {
					this.events
						.publishEvent(new TokenExpiryApproaching(TokenFacts.of(candidate.view()), now, threshold));
				}
				return announce;
			}));
		}
		catch (DuplicateKeyException ex) {
			// another instance claimed it between our check and our insert
			return false;
		}
		catch (ConcurrencyFailureException ex) {
			// a lock held by another instance's claim: the next run sees who won
			logger.debug("Reminder of token {} not claimed this run: {}", token.id(), ex.getMessage());
			return false;
		}
	}

}
