package dev.latchkey.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Stores the expiry of tokens past their {@code expiresAt} and audits it. Tokens stop
 * authenticating at the instant they expire regardless; this job only makes the stored
 * status and the audit trail catch up.
 */
@Component
class TokenExpiry {

	private static final Logger logger = LoggerFactory.getLogger(TokenExpiry.class);

	private static final int BATCH_SIZE = 500;

	private final TokenManagement tokens;

	TokenExpiry(TokenManagement tokens) {
		this.tokens = tokens;
	}

	void expireDue() {
		try {
			int expired;
			do {
				expired = this.tokens.expireDue(BATCH_SIZE);
				if (expired > 0) {
					logger.info("Marked {} tokens as expired", expired);
				}
			}
			while (expired == BATCH_SIZE);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not mark expired tokens, will retry: {}", ex.getMessage());
		}
	}

}
