package dev.latchkey.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

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
				    default_token_lifetime_days, max_token_lifetime_days, revoke_tokens_on_logout, created_at)
				values (:id, :name, :seats, :maxTokens, :defaultDays, :maxDays, :revokeOnLogout, :createdAt)
				""")
			.param("id", organisation.id().value())
			.param("name", organisation.name())
			.param("seats", organisation.licenseSeats())
			.param("maxTokens", organisation.policies().maxTokensPerLicense())
			.param("defaultDays", organisation.policies().defaultTokenLifetimeDays())
			.param("maxDays", organisation.policies().maxTokenLifetimeDays())
			.param("revokeOnLogout", organisation.policies().revokeTokensOnLogout())
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
				    revoke_tokens_on_logout = :revokeOnLogout
				where id = :id
				""")
			.param("id", organisation.id().value())
			.param("seats", organisation.licenseSeats())
			.param("maxTokens", organisation.policies().maxTokensPerLicense())
			.param("defaultDays", organisation.policies().defaultTokenLifetimeDays())
			.param("maxDays", organisation.policies().maxTokenLifetimeDays())
			.param("revokeOnLogout", organisation.policies().revokeTokensOnLogout())
			.update();
		this.invalidations.publish(Invalidation.organisation(organisation.id().value()));
	}

	private static Organisation organisation(ResultSet rs, int row) throws SQLException {
		OrganisationPolicies policies = new OrganisationPolicies(rs.getInt("max_tokens_per_license"),
				rs.getInt("default_token_lifetime_days"), rs.getInt("max_token_lifetime_days"),
				rs.getBoolean("revoke_tokens_on_logout"));
		return new Organisation(new OrganisationId(rs.getObject("id", java.util.UUID.class)), rs.getString("name"),
				rs.getInt("license_seats"), policies, Sql.requiredInstant(rs, "created_at"));
	}

}
