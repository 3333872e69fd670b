package dev.latchkey.organisation;

import java.time.Duration;

import dev.latchkey.system.InvalidRequest;

/**
 * The rules an organisation sets for its tokens (SPEC §3), valid by construction.
 *
 * @param maxTokensPerLicense how many tokens (active or revoked, not expired) one
 * licensed user may hold
 * @param defaultTokenLifetimeDays the lifetime of a token created without one
 * @param maxTokenLifetimeDays the longest lifetime a token may be given
 * @param revokeTokensOnLogout whether logging out of the console revokes the user's
 * tokens
 */
public record OrganisationPolicies(int maxTokensPerLicense, int defaultTokenLifetimeDays, int maxTokenLifetimeDays,
		boolean revokeTokensOnLogout) {

	public static final int MAX_TOKENS_PER_LICENSE_LIMIT = 100;

	public static final int MAX_LIFETIME_DAYS_LIMIT = 3650;

	public static final OrganisationPolicies DEFAULTS = new OrganisationPolicies(10, 90, 365, true);

	public OrganisationPolicies {
		if (maxTokensPerLicense < 1 || maxTokensPerLicense > MAX_TOKENS_PER_LICENSE_LIMIT) {
			throw new InvalidRequest(
					"'maxTokensPerLicense' must be between 1 and " + MAX_TOKENS_PER_LICENSE_LIMIT + ".");
		}
		if (maxTokenLifetimeDays < 1 || maxTokenLifetimeDays > MAX_LIFETIME_DAYS_LIMIT) {
			throw new InvalidRequest("'maxTokenLifetimeDays' must be between 1 and " + MAX_LIFETIME_DAYS_LIMIT + ".");
		}
		if (defaultTokenLifetimeDays < 1 || defaultTokenLifetimeDays > maxTokenLifetimeDays) {
			throw new InvalidRequest("'defaultTokenLifetimeDays' must be between 1 and 'maxTokenLifetimeDays' ("
					+ maxTokenLifetimeDays + ").");
		}
	}

	public Duration defaultLifetime() {
		return Duration.ofDays(this.defaultTokenLifetimeDays);
	}

	public Duration maxLifetime() {
		return Duration.ofDays(this.maxTokenLifetimeDays);
	}

}
