package dev.latchkey.auth;

import dev.latchkey.system.Actor;
import dev.latchkey.token.TokenCredential;

/**
 * Authentications as the API's token check leaves them, for web slices of controllers
 * that read the credential.
 */
public final class TestAuthentications {

	private TestAuthentications() {
	}

	/**
	 * The authentication of a verified token, its owner acting from a documentation
	 * address.
	 */
	public static TokenAuthentication of(TokenCredential credential) {
		Actor owner = Actor.user(credential.ownerId(), credential.username(), credential.organisationId(),
				credential.role(), "203.0.113.7");
		return new TokenAuthentication(owner, credential);
	}

}
