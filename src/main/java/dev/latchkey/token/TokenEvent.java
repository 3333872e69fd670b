package dev.latchkey.token;

import java.time.Instant;

/**
 * SPEC §9: something happened to a token. Published by {@link TokenManagement} in the
 * transaction of the change; listeners in other modules (e-mail, webhooks) receive it
 * through Spring Modulith's stored publication registry, after the commit and at least
 * once, also after a crash or restart.
 */
public sealed interface TokenEvent
		permits TokenCreated, TokenRevoked, TokenExpiryReached, TokenRotated, TokenExpiryApproaching {

	/** The token as it is after the change. */
	TokenFacts token();

	/** When the change happened, by the application's clock. */
	Instant occurredAt();

	/** The event's name on the wire, e.g. {@code token.revoked}. */
	String type();

}
