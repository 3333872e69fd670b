package dev.latchkey.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The job that revokes unused tokens (SPEC §9) through
 * {@link TokenManagement#revokeUnused}, in batches. Last uses come from
 * {@link LastUsedTracker}'s batched writes; this instance's are written first, so a use
 * of the last seconds counts. No request pays for any of it.
 */
@Component
class UnusedTokenSweep {

	private static final Logger logger = LoggerFactory.getLogger(UnusedTokenSweep.class);

	static final int BATCH_SIZE = 200;

	/** Bounds one sweep; what is left waits for the next. */
	private static final int MAX_BATCHES = 50;

	private final TokenManagement tokens;

	private final LastUsedTracker lastUsed;

	UnusedTokenSweep(TokenManagement tokens, LastUsedTracker lastUsed) {
		this.tokens = tokens;
		this.lastUsed = lastUsed;
	}

	void revokeDue() {
		try {
			this.lastUsed.flush();
			int batches = 0;
			int revoked;
			do {
				revoked = this.tokens.revokeUnused(BATCH_SIZE);
				if (revoked > 0) {
					logger.info("Revoked {} unused tokens", revoked);
				}
			}
			while (revoked == BATCH_SIZE && ++batches < MAX_BATCHES);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not revoke unused tokens, will retry: {}", ex.getMessage());
		}
	}

}
