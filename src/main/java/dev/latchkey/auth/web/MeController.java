package dev.latchkey.auth.web;

import java.time.Instant;
import java.util.List;

import dev.latchkey.auth.TokenAuthentication;
import dev.latchkey.system.Role;
import dev.latchkey.token.TokenCredential;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is: the token's owner, their organisation and role, and the token used,
 * all from the verified credential, so a cached token answers without a query.
 */
@RestController
class MeController {

	@GetMapping("/api/v1/me")
	Me me(TokenAuthentication authentication) {
		TokenCredential credential = authentication.credential();
		return new Me(
				new Me.UserInfo(credential.ownerId().toString(), credential.username(), credential.email(),
						credential.displayName(), credential.role()),
				new Me.OrganisationInfo(credential.organisationId().toString(), credential.organisationName()),
				new Me.TokenInfo(credential.tokenId().toString(), credential.tokenName(), credential.expiresAt(),
						credential.scopes().names(), credential.allowedAddresses().entries()));
	}

	record Me(UserInfo user, OrganisationInfo organisation, TokenInfo token) {

		record UserInfo(String id, String username, @Nullable String email, @Nullable String displayName, Role role) {

		}

		record OrganisationInfo(String id, String name) {

		}

		record TokenInfo(String id, String name, Instant expiresAt, List<String> scopes, List<String> allowedIps) {

		}

	}

}
