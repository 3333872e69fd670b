package dev.latchkey.token;

import java.time.Instant;

/**
 * Whether a token is still alive, judged against the clock (SPEC rule 4: expired tokens
 * stop at once, whatever is stored) — the one place this is decided, for the
 * {@link ApiToken} aggregate and for the cached {@link TokenCredential} alike. The two
 * queries that must ask the database the same question
 * ({@code ApiTokens.countHoldingSlot} and {@code ApiTokens.findDueForExpiry}) say it in
 * SQL as {@code status <> 'EXPIRED' and expires_at > :now}.
 *
 * @param stored the status as stored
 * @param expiresAt the instant from which the token is expired
 */
record TokenValidity(TokenStatus stored, Instant expiresAt) {

	boolean isExpired(Instant now) {
		return this.stored == TokenStatus.EXPIRED || !now.isBefore(this.expiresAt);
	}

	/** The status as of {@code now}: past its expiry a token is expired. */
	TokenStatus status(Instant now) {
		return isExpired(now) ? TokenStatus.EXPIRED : this.stored;
	}

	boolean isActive(Instant now) {
		return status(now) == TokenStatus.ACTIVE;
	}

	/**
	 * SPEC rule 3: what counts toward the limit — active and revoked tokens alike (a
	 * revoked one can come back), until they expire.
	 */
	boolean holdsSlot(Instant now) {
		return !isExpired(now);
	}

}
