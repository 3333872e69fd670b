package dev.latchkey.token;

import java.time.Instant;

import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.UserId;

/**
 * What a {@link TokenEvent} says about its token: enough for a webhook body or an e-mail,
 * never the secret (only its hint).
 *
 * @param id the token
 * @param organisationId its organisation
 * @param ownerId its owner
 * @param ownerUsername the owner's username
 * @param name its name
 * @param hint the last characters of its secret, as the console shows them
 * @param expiresAt when it expires, as stored after the change
 */
public record TokenFacts(TokenId id, OrganisationId organisationId, UserId ownerId, String ownerUsername, String name,
		String hint, Instant expiresAt) {

	static TokenFacts of(TokenView view) {
		ApiToken token = view.token();
		return new TokenFacts(token.id(), token.organisationId(), token.ownerId(), view.ownerUsername(),
				token.name().value(), token.hint(), token.expiresAt());
	}

}
