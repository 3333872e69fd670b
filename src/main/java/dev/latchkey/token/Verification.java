package dev.latchkey.token;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying a presented token: the credential if it authenticates,
 * otherwise the reason (for the audit trail only) and, when the token was found, its
 * credential so the refusal can be recorded in the right organisation.
 */
public record Verification(RefusalReason refusal, @Nullable TokenCredential credential) {

	static Verification accepted(TokenCredential credential) {
		return new Verification(RefusalReason.NONE, credential);
	}

	static Verification refused(RefusalReason reason, @Nullable TokenCredential credential) {
		return new Verification(reason, credential);
	}

	public boolean isAccepted() {
		return this.refusal == RefusalReason.NONE;
	}

}
