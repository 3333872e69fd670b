package dev.latchkey.auth.web;

import java.time.Instant;

import dev.latchkey.auth.TokenAuthentication;
import dev.latchkey.system.Role;
import dev.latchkey.token.TokenCredential;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is: the token's owner, their organisation and role, and the token used.
 */
@RestController
class MeController {

	private final Users users;

	MeController(Users users) {
		this.users = users;
	}

	@GetMapping("/api/v1/me")
	Me me(TokenAuthentication authentication) {
		TokenCredential credential = authentication.credential();
		User user = this.users.findById(credential.ownerId()).orElseThrow();
		return new Me(
				new Me.UserInfo(user.id().toString(), user.username(), user.email(), user.displayName(), user.role()),
				new Me.OrganisationInfo(credential.organisationId().toString(), credential.organisationName()),
				new Me.TokenInfo(credential.tokenId().toString(), credential.tokenName(), credential.expiresAt()));
	}

	record Me(UserInfo user, OrganisationInfo organisation, TokenInfo token) {

		record UserInfo(String id, String username, @Nullable String email, @Nullable String displayName, Role role) {

		}

		record OrganisationInfo(String id, String name) {

		}

		record TokenInfo(String id, String name, Instant expiresAt) {

		}

	}

}
