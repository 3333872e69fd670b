package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Verifies presented tokens. A string that is not shaped like one of our tokens, or whose
 * checksum does not match, is refused before any database work and never enters the
 * cache; otherwise the token is looked up by the digest of what was presented, in the
 * {@link VerificationCache} first. Whether it authenticates is judged on every call,
 * against the clock, so a cached token past its expiry is refused at once.
 */
@Service
public class TokenVerification {

	private final TokenFormat format;

	private final ApiTokens tokens;

	private final VerificationCache cache;

	private final LastUsedTracker lastUsed;

	private final Clock clock;

	TokenVerification(TokenFormat format, ApiTokens tokens, VerificationCache cache, LastUsedTracker lastUsed,
			Clock clock) {
		this.format = format;
		this.tokens = tokens;
		this.cache = cache;
		this.lastUsed = lastUsed;
		this.clock = clock;
	}

	public Verification verify(String presented, @Nullable String clientIp) {
		return verify(presented, clientIp, (credential) -> true);
	}

	/**
	 * Verifies a token presented to an audience from a client address: a valid token the
	 * audience does not admit (another organisation's), or whose allowlist does not admit
	 * the address, is refused, and does not count as used.
	 * @param clientIp the address the allowlist judges and last use records; {@code null}
	 * when unknown, which no allowlist admits
	 */
	public Verification verify(String presented, @Nullable String clientIp, Predicate<TokenCredential> audience) {
		return verify(presented, clientIp, clientIp, audience);
	}

	/**
	 * Verifies a token a resource server presents for its caller (introspection): the
	 * allowlist judges the caller's address, last use records it or, when the resource
	 * server did not send it, the resource server's.
	 * @param usedFrom what last use records
	 */
	public Verification verify(String presented, @Nullable String clientIp, @Nullable String usedFrom,
			Predicate<TokenCredential> audience) {
		Optional<TokenSecret> secret = this.format.parse(presented);
		if (secret.isEmpty()) {
			return Verification.refused(RefusalReason.MALFORMED, null);
		}
		TokenDigest digest = secret.get().digest();
		TokenCredential credential = this.cache.find(digest, this.tokens::findCredential);
		if (credential == null || !credential.digest().matches(digest)) {
			return Verification.refused(RefusalReason.UNKNOWN, null);
		}
		Instant now = this.clock.instant();
		RefusalReason refusal = credential.refusal(now);
		if (refusal != RefusalReason.NONE) {
			return Verification.refused(refusal, credential);
		}
		if (!audience.test(credential)) {
			return Verification.refused(RefusalReason.OTHER_ORGANISATION, credential);
		}
		if (!credential.allowedAddresses().admits(clientIp)) {
			return Verification.refused(RefusalReason.ADDRESS_NOT_ALLOWED, credential);
		}
		this.lastUsed.record(credential, now, usedFrom);
		return Verification.accepted(credential);
	}

}
