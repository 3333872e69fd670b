package dev.latchkey.auth;

import java.time.Duration;
import java.util.Optional;

import dev.latchkey.token.TokenCredential;
import dev.latchkey.token.TokenVerification;
import dev.latchkey.token.Verification;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The one way in for a presented token, whatever the door: the API, forward auth,
 * introspection, a token revoking itself. It verifies the token for an audience; a
 * refusal is recorded for the audit trail and counted toward the client address's refusal
 * limit. The limit never refuses a token that verifies (SPEC §10): it only turns the
 * answer to a refused token from 401 into 429 once the address has sent too many, so one
 * broken client behind a NAT or proxy cannot lock out everyone else there.
 */
@Service
public class TokenGate {

	private final TokenVerification verification;

	private final RefusedAuthentications refusals;

	private final RefusalLimit limit;

	TokenGate(TokenVerification verification, RefusedAuthentications refusals, RefusalLimit limit) {
		this.verification = verification;
		this.refusals = refusals;
		this.limit = limit;
	}

	/**
	 * Checks a presented token from a client address for an audience.
	 * @return accepted with the credential, refused (throttled or not), or unavailable
	 * when the token store cannot be asked
	 */
	public Outcome check(String presented, String clientIp, Audience audience) {
		return check(presented, clientIp, clientIp, audience);
	}

	/**
	 * Checks a token that a resource server presents for its own client (introspection):
	 * refusals count toward the resource server's address, the allowlist judges the
	 * client's.
	 * @param peer the address of whoever presented the token
	 * @param clientAddress the address the token is used from, if known; no allowlist
	 * admits an unknown one
	 */
	public Outcome check(String presented, String peer, @Nullable String clientAddress, Audience audience) {
		Verification result;
		try {
			result = this.verification.verify(presented, clientAddress, (clientAddress != null) ? clientAddress : peer,
					audience);
		}
		catch (DataAccessException ex) {
			return new Unavailable();
		}
		TokenCredential credential = result.credential();
		if (result.isAccepted() && credential != null) {
			return new Accepted(credential);
		}
		this.refusals.record(result, peer);
		return new Refused(this.limit.refused(peer).orElse(null));
	}

	/** What became of a presented token. */
	public sealed interface Outcome {

	}

	/** The token verified for the audience. */
	public record Accepted(TokenCredential credential) implements Outcome {

	}

	/**
	 * The token was refused; {@code retryAfter} is set when the address has sent more
	 * refused tokens than its window allows.
	 */
	public record Refused(@Nullable Duration retryAfter) implements Outcome {

		public Optional<Duration> throttled() {
			return Optional.ofNullable(this.retryAfter);
		}

	}

	/** The token store could not be asked: fail closed, and say it is temporary. */
	public record Unavailable() implements Outcome {

	}

}
