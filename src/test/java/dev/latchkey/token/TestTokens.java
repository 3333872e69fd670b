package dev.latchkey.token;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import dev.latchkey.system.Role;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;

/**
 * Tokens for unit tests, each built through the aggregate's own transitions: issued, then
 * revoked, re-approved or marked expired, never put together field by field.
 */
public final class TestTokens {

	/** The organisation default of SPEC §3. */
	public static final Duration LIFETIME = Duration.ofDays(90);

	public static final TokenFormat FORMAT = new TokenFormat("lkp_", new SecureRandom());

	/** An owner who holds no token yet, under the default limit of ten. */
	static final TokenAllowance ALLOWANCE = new TokenAllowance(0, 10);

	private TestTokens() {
	}

	/** An active token of a new admin, issued at {@code now}. */
	public static ApiToken active(Instant now) {
		return active(TestUsers.admin(), now);
	}

	public static ApiToken active(User owner, Instant now) {
		return issue(owner, now, now.plus(LIFETIME));
	}

	/** A token issued at {@code now} and revoked by its owner at once. */
	public static ApiToken revoked(Instant now, StatusReason reason) {
		return revoked(TestUsers.admin(), now, reason);
	}

	public static ApiToken revoked(User owner, Instant now, StatusReason reason) {
		ApiToken token = active(owner, now);
		token.revoke(TestUsers.actor(owner), reason, now);
		return token;
	}

	/** A token issued at {@code now} and revoked at once because it leaked. */
	public static ApiToken leaked(Instant now) {
		return revoked(now, StatusReason.LEAKED);
	}

	/** A token revoked and re-approved at {@code now}. */
	public static ApiToken reapproved(Instant now) {
		User owner = TestUsers.admin();
		ApiToken token = revoked(owner, now, StatusReason.LOGOUT);
		token.reapprove(owner, now);
		return token;
	}

	/**
	 * A token issued a lifetime ago that expired a day before {@code now}, with its
	 * expiry stored as the expiry job stores it.
	 */
	public static ApiToken expired(Instant now) {
		Instant expiresAt = now.minus(Duration.ofDays(1));
		ApiToken token = issue(TestUsers.admin(), expiresAt.minus(LIFETIME), expiresAt);
		token.markExpired(now);
		return token;
	}

	/**
	 * What authentication reads of an active token of a new admin, issued at {@code now}.
	 */
	public static TokenCredential credential(Instant now) {
		User owner = TestUsers.admin();
		ApiToken token = active(owner, now);
		return new TokenCredential(token.id(), token.name().value(), FORMAT.generate().digest(), TokenStatus.ACTIVE,
				now, token.expiresAt(), token.ownerId(), owner.username(), owner.email(), owner.displayName(),
				Role.ORG_ADMIN, true, true, token.organisationId(), "acme", TokenScopes.DEFAULT,
				AllowedAddresses.ANYWHERE);
	}

	private static ApiToken issue(User owner, Instant now, Instant expiresAt) {
		return ApiToken.issue(owner, TestTokens.ALLOWANCE, new TokenName("build " + owner.username()), null,
				TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE, FORMAT.generate(), TestUsers.actor(owner), now,
				expiresAt);
	}

}
