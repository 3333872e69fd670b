package dev.latchkey.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.token.RefusalReason;
import dev.latchkey.token.TokenCredential;
import dev.latchkey.token.Verification;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Counts refused token authentications in memory and writes one audit event per
 * organisation, client IP, token and reason per interval, so that an attack does not
 * become one audit row per request. The number of distinct keys is bounded; beyond it
 * refusals are counted under one overflow key.
 */
@Component
class RefusedAuthentications {

	private static final Logger logger = LoggerFactory.getLogger(RefusedAuthentications.class);

	static final int MAX_KEYS = 10_000;

	private static final Key OVERFLOW = new Key(null, "*", null, null, RefusalReason.UNKNOWN);

	private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

	private final AuditTrail audit;

	RefusedAuthentications(AuditTrail audit) {
		this.audit = audit;
	}

	/** Counts the refusal for the audit trail. */
	void record(Verification verification, @Nullable String clientIp) {
		TokenCredential credential = verification.credential();
		Key key = (credential != null)
				? new Key(credential.organisationId(), clientIp, credential.tokenId().toString(),
						credential.tokenName(), verification.refusal())
				: new Key(null, clientIp, null, null, verification.refusal());
		if (!this.counts.containsKey(key) && this.counts.size() >= MAX_KEYS) {
			key = OVERFLOW;
		}
		this.counts.computeIfAbsent(key, (k) -> new LongAdder()).increment();
	}

	void flush() {
		for (Key key : Map.copyOf(this.counts).keySet()) {
			LongAdder adder = this.counts.remove(key);
			long count = (adder != null) ? adder.sum() : 0;
			if (count > 0) {
				write(key, count);
			}
		}
	}

	private void write(Key key, long count) {
		try {
			AuditEntry entry = AuditEntry.of(AuditEventType.TOKEN_AUTHENTICATION_REFUSED,
					Actor.anonymous(key.clientIp()), key.organisation());
			if (key.tokenId() != null && key.tokenName() != null) {
				entry = entry.target("token", key.tokenId(), key.tokenName());
			}
			this.audit.record(entry.details("reason=" + key.reason() + ", count=" + count));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record {} refused token authentications: {}", count, ex.getMessage());
		}
	}

	private record Key(@Nullable OrganisationId organisation, @Nullable String clientIp, @Nullable String tokenId,
			@Nullable String tokenName, RefusalReason reason) {

	}

}
