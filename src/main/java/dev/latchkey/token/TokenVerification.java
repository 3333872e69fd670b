package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Verifies presented tokens. A string that is not shaped like one of our tokens, or whose
 * checksum does not match, is refused before any database work; otherwise the token is
 * looked up by the digest of what was presented.
 */
@Service
public class TokenVerification {

	private final TokenFormat format;

	private final ApiTokens tokens;

	private final LastUsedTracker lastUsed;

	private final Clock clock;

	TokenVerification(TokenFormat format, ApiTokens tokens, LastUsedTracker lastUsed, Clock clock) {
		this.format = format;
		this.tokens = tokens;
		this.lastUsed = lastUsed;
		this.clock = clock;
	}

	public Verification verify(String presented, @Nullable String clientIp) {
		Optional<TokenSecret> secret = this.format.parse(presented);
		if (secret.isEmpty()) {
			return Verification.refused(RefusalReason.MALFORMED, null);
		}
		TokenDigest digest = secret.get().digest();
		Optional<TokenCredential> found = this.tokens.findCredential(digest);
		if (found.isEmpty() || !found.get().digest().matches(digest)) {
			return Verification.refused(RefusalReason.UNKNOWN, null);
		}
		TokenCredential credential = found.get();
		Instant now = this.clock.instant();
		RefusalReason refusal = credential.refusal(now);
		if (refusal != RefusalReason.NONE) {
			return Verification.refused(refusal, credential);
		}
		this.lastUsed.record(credential, now, clientIp);
		return Verification.accepted(credential);
	}

}
