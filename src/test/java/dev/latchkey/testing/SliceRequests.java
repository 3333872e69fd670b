package dev.latchkey.testing;

import dev.latchkey.system.Actor;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Who a request in a web slice comes from: an {@link Actor} as the authenticated
 * principal, as the API's token authentication leaves it.
 */
public final class SliceRequests {

	private SliceRequests() {
	}

	/** An administrator of a new organisation, from a documentation address. */
	public static Actor admin() {
		return Actor.user(UserId.random(), "alice", OrganisationId.random(), Role.ORG_ADMIN, "203.0.113.7");
	}

	/** A general user of a new organisation, from a documentation address. */
	public static Actor generalUser() {
		return Actor.user(UserId.random(), "bob", OrganisationId.random(), Role.USER, "203.0.113.8");
	}

	public static RequestPostProcessor as(Actor actor) {
		return authentication(new TestingAuthenticationToken(actor, null, "ROLE_" + String.valueOf(actor.role())));
	}

}
