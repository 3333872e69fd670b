package dev.latchkey.organisation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import dev.latchkey.system.InvalidRequest;
import org.jspecify.annotations.Nullable;

/**
 * The rules an organisation sets for its tokens (SPEC §3), valid by construction.
 *
 * @param maxTokensPerLicense how many tokens (active or revoked, not expired) one
 * licensed user may hold
 * @param defaultTokenLifetimeDays the lifetime of a token created without one
 * @param maxTokenLifetimeDays the longest lifetime a token may be given
 * @param revokeTokensOnLogout whether logging out of the console revokes the user's
 * tokens
 * @param revokeTokensUnusedForDays after how many days without a sign of life (creation,
 * use or re-approval) an active token is revoked as unused (SPEC §9); {@code null} when
 * the organisation does not revoke unused tokens
 * @param expiryReminderDays how many days before its expiry a token's owner is reminded
 * (SPEC §9), largest first; empty when nobody is reminded
 */
public record OrganisationPolicies(int maxTokensPerLicense, int defaultTokenLifetimeDays, int maxTokenLifetimeDays,
		boolean revokeTokensOnLogout, @Nullable Integer revokeTokensUnusedForDays, List<Integer> expiryReminderDays) {

	public static final int MAX_TOKENS_PER_LICENSE_LIMIT = 100;

	public static final int MAX_LIFETIME_DAYS_LIMIT = 3650;

	public static final int MAX_UNUSED_DAYS_LIMIT = 365;

	public static final int MAX_REMINDER_DAYS_LIMIT = 90;

	public static final int MAX_REMINDERS = 5;

	public static final List<Integer> DEFAULT_EXPIRY_REMINDER_DAYS = List.of(7, 1);

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
		if (revokeTokensUnusedForDays != null
				&& (revokeTokensUnusedForDays < 1 || revokeTokensUnusedForDays > MAX_UNUSED_DAYS_LIMIT)) {
			throw InvalidRequest.parameter("revokeTokensUnusedForDays",
					"'revokeTokensUnusedForDays' must be between 1 and " + MAX_UNUSED_DAYS_LIMIT
							+ ", or null to keep unused tokens.");
		}
		expiryReminderDays = largestFirst(expiryReminderDays);
	}

	/**
	 * The policies of SPEC §3, with the lifecycle policies of SPEC §9 at their defaults.
	 */
	public OrganisationPolicies(int maxTokensPerLicense, int defaultTokenLifetimeDays, int maxTokenLifetimeDays,
			boolean revokeTokensOnLogout) {
		this(maxTokensPerLicense, defaultTokenLifetimeDays, maxTokenLifetimeDays, revokeTokensOnLogout, null,
				DEFAULT_EXPIRY_REMINDER_DAYS);
	}

	private static List<Integer> largestFirst(List<Integer> days) {
		if (days.size() > MAX_REMINDERS) {
			throw InvalidRequest.parameter("expiryReminderDays",
					"'expiryReminderDays' has at most " + MAX_REMINDERS + " entries.");
		}
		List<@Nullable Integer> entries = new ArrayList<>(days);
		if (entries.stream().anyMatch((day) -> day == null || day < 1 || day > MAX_REMINDER_DAYS_LIMIT)) {
			throw InvalidRequest.parameter("expiryReminderDays",
					"Each of 'expiryReminderDays' must be between 1 and " + MAX_REMINDER_DAYS_LIMIT + ".");
		}
		if (new HashSet<>(entries).size() != entries.size()) {
			throw InvalidRequest.parameter("expiryReminderDays", "'expiryReminderDays' must not repeat a day.");
		}
		return days.stream().sorted(Comparator.reverseOrder()).toList();
	}

	/** How the reminder days are stored: whole days, comma-separated, largest first. */
	String storedExpiryReminderDays() {
		return this.expiryReminderDays.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	/** The reminder days as {@link #storedExpiryReminderDays()} wrote them. */
	public static List<Integer> parseExpiryReminderDays(String stored) {
		return stored.isBlank() ? List.of()
				: Arrays.stream(stored.split(",")).map(String::trim).map(Integer::valueOf).toList();
	}

	public Duration defaultLifetime() {
		return Duration.ofDays(this.defaultTokenLifetimeDays);
	}

	public Duration maxLifetime() {
		return Duration.ofDays(this.maxTokenLifetimeDays);
	}

}
