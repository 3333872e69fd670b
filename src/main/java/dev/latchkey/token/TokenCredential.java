package dev.latchkey.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.Sql;
import dev.latchkey.system.UserId;
import org.jspecify.annotations.Nullable;

/**
 * What authentication needs of a token, read in one query with its owner and
 * organisation, so that permissions follow the owner's current role, status and license.
 * It carries what {@code GET /api/v1/me} shows of the owner, so that answering it needs
 * no query once the token is cached, and its scopes and allowlist, so that judging them
 * needs none either.
 */
public record TokenCredential(TokenId tokenId, String tokenName, TokenDigest digest, TokenStatus storedStatus,
		Instant createdAt, Instant expiresAt, UserId ownerId, String username, @Nullable String email,
		@Nullable String displayName, Role role, boolean ownerActive, boolean ownerLicensed,
		OrganisationId organisationId, String organisationName, TokenScopes scopes, AllowedAddresses allowedAddresses) {

	/**
	 * Why a credential does not authenticate, or {@link RefusalReason#NONE} if it does.
	 */
	RefusalReason refusal(Instant now) {
		TokenValidity validity = new TokenValidity(this.storedStatus, this.expiresAt);
		if (validity.isExpired(now)) {
			return RefusalReason.EXPIRED;
		}
		if (!validity.isActive(now)) {
			return RefusalReason.REVOKED;
		}
		if (!this.ownerActive) {
			return RefusalReason.OWNER_DEACTIVATED;
		}
		if (!this.ownerLicensed) {
			return RefusalReason.OWNER_UNLICENSED;
		}
		return RefusalReason.NONE;
	}

	static TokenCredential from(ResultSet rs, int row) throws SQLException {
		return new TokenCredential(new TokenId(rs.getObject("id", UUID.class)), rs.getString("name"),
				new TokenDigest(rs.getString("digest")), TokenStatus.valueOf(rs.getString("status")),
				Sql.requiredInstant(rs, "created_at"), Sql.requiredInstant(rs, "expires_at"),
				new UserId(rs.getObject("owner_id", UUID.class)), rs.getString("username"), rs.getString("email"),
				rs.getString("display_name"), Role.valueOf(rs.getString("role")),
				"ACTIVE".equals(rs.getString("owner_status")), rs.getBoolean("licensed"),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation_name"),
				TokenScopes.parse(rs.getString("scopes")), AllowedAddresses.parse(rs.getString("allowed_ips")));
	}

}
