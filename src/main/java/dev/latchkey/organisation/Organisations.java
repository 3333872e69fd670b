package dev.latchkey.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.latchkey.cluster.Invalidation;
import dev.latchkey.cluster.Invalidations;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Organisations, in plain SQL.
 */
@Repository
public class Organisations {

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	Organisations(JdbcClient jdbc, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
	}

	public Optional<Organisation> findById(OrganisationId id) {
		return this.jdbc.sql("select * from organisations where id = :id")
			.param("id", id.value())
			.query(Organisations::organisation)
			.optional();
	}

	public Optional<Organisation> findByName(String name) {
		return this.jdbc.sql("select * from organisations where name = :name")
			.param("name", name)
			.query(Organisations::organisation)
			.optional();
	}

	/**
	 * Reads the organisation and locks its row until the transaction ends, so that checks
	 * against its seats or policies cannot race.
	 */
	public Optional<Organisation> lockById(OrganisationId id) {
		return this.jdbc.sql("select * from organisations where id = :id for update")
			.param("id", id.value())
			.query(Organisations::organisation)
			.optional();
	}

	public boolean isEmpty() {
		return this.jdbc.sql("select count(*) from organisations").query(Long.class).single() == 0;
	}

	void insert(Organisation organisation) {
		this.jdbc.sql("""
				insert into organisations (id, name, license_seats, max_tokens_per_license,
				    default_token_lifetime_days, max_token_lifetime_days, revoke_tokens_on_logout,
				    revoke_tokens_unused_for_days, expiry_reminder_days, created_at)
				values (:id, :name, :seats, :maxTokens, :defaultDays, :maxDays, :revokeOnLogout, :unusedDays,
				    :reminderDays, :createdAt)
				""")
			.param("id", organisation.id().value())
			.param("name", organisation.name())
			.param("seats", organisation.licenseSeats())
			.param("maxTokens", organisation.policies().maxTokensPerLicense())
			.param("defaultDays", organisation.policies().defaultTokenLifetimeDays())
			.param("maxDays", organisation.policies().maxTokenLifetimeDays())
			.param("revokeOnLogout", organisation.policies().revokeTokensOnLogout())
			.param("unusedDays", organisation.policies().revokeTokensUnusedForDays())
			.param("reminderDays", organisation.policies().storedExpiryReminderDays())
			.param("createdAt", Sql.time(organisation.createdAt()))
			.update();
	}

	/**
	 * Stores seats and policies, and announces the change so every instance verifies the
	 * organisation's tokens afresh.
	 */
	void update(Organisation organisation) {
		this.jdbc.sql("""
				update organisations set license_seats = :seats, max_tokens_per_license = :maxTokens,
				    default_token_lifetime_days = :defaultDays, max_token_lifetime_days = :maxDays,
				    revoke_tokens_on_logout = :revokeOnLogout, revoke_tokens_unused_for_days = :unusedDays,
				    expiry_reminder_days = :reminderDays
				where id = :id
				""")
			.param("id", organisation.id().value())
			.param("seats", organisation.licenseSeats())
			.param("maxTokens", organisation.policies().maxTokensPerLicense())
			.param("defaultDays", organisation.policies().defaultTokenLifetimeDays())
			.param("maxDays", organisation.policies().maxTokenLifetimeDays())
			.param("revokeOnLogout", organisation.policies().revokeTokensOnLogout())
			.param("unusedDays", organisation.policies().revokeTokensUnusedForDays())
			.param("reminderDays", organisation.policies().storedExpiryReminderDays())
			.update();
		this.invalidations.publish(Invalidation.organisation(organisation.id().value()));
	}

	/**
	 * The numbers of days after which some organisation revokes unused tokens (SPEC §9),
	 * each once: the sweep goes through the organisations one policy value at a time.
	 */
	public List<Integer> unusedTokenPolicies() {
		return this.jdbc.sql("""
				select distinct revoke_tokens_unused_for_days from organisations
				where revoke_tokens_unused_for_days is not null
				""").query((rs, row) -> rs.getInt(1)).list();
	}

	/**
	 * Every reminder threshold (days before expiry) some organisation uses, each once.
	 */
	public Set<Integer> expiryReminderThresholds() {
		return this.jdbc.sql("select distinct expiry_reminder_days from organisations")
			.query((rs, row) -> Objects.requireNonNullElse(rs.getString(1), ""))
			.list()
			.stream()
			.flatMap((stored) -> OrganisationPolicies.parseExpiryReminderDays(stored).stream())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * A condition on the alias {@code o} of the organisations table that holds when the
	 * organisation reminds at the threshold whose {@link #remindsAtPattern pattern} is
	 * the named parameter: for queries of other modules that join their rows'
	 * organisation.
	 */
	public static String remindsAt(String parameter) {
		return "(',' || o.expiry_reminder_days || ',') like :" + parameter;
	}

	public static String remindsAtPattern(int thresholdDays) {
		return "%," + thresholdDays + ",%";
	}

	private static Organisation organisation(ResultSet rs, int row) throws SQLException {
		OrganisationPolicies policies = new OrganisationPolicies(rs.getInt("max_tokens_per_license"),
				rs.getInt("default_token_lifetime_days"), rs.getInt("max_token_lifetime_days"),
				rs.getBoolean("revoke_tokens_on_logout"), rs.getObject("revoke_tokens_unused_for_days", Integer.class),
				OrganisationPolicies.parseExpiryReminderDays(rs.getString("expiry_reminder_days")));
		return new Organisation(new OrganisationId(rs.getObject("id", java.util.UUID.class)), rs.getString("name"),
				rs.getInt("license_seats"), policies, Sql.requiredInstant(rs, "created_at"));
	}

}
