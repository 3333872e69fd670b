package dev.latchkey.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhooks, in plain SQL. The signing secret is read only by {@link #secretOf}, for the
 * sender; every other query leaves it out.
 */
@Repository
class Webhooks {

	private static final String COLUMNS = "id, organisation_id, url, events, created_by, created_at";

	private final JdbcClient jdbc;

	Webhooks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Webhook> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from webhooks where id = :id")
			.param("id", id)
			.query(Webhooks::webhook)
			.optional();
	}

	List<Webhook> findByOrganisation(OrganisationId organisation) {
		return this.jdbc
			.sql("select " + COLUMNS + " from webhooks where organisation_id = :org order by created_at, id")
			.param("org", organisation.value())
			.query(Webhooks::webhook)
			.list();
	}

	int countByOrganisation(OrganisationId organisation) {
		return this.jdbc.sql("select count(*) from webhooks where organisation_id = :org")
			.param("org", organisation.value())
			.query(Integer.class)
			.single();
	}

	boolean urlTaken(OrganisationId organisation, String url) {
		return this.jdbc.sql("select count(*) from webhooks where organisation_id = :org and url = :url")
			.param("org", organisation.value())
			.param("url", url)
			.query(Long.class)
			.single() > 0;
	}

	Optional<String> secretOf(UUID id) {
		return this.jdbc.sql("select signing_secret from webhooks where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	void insert(Webhook webhook, String secret) {
		this.jdbc.sql("""
				insert into webhooks (id, organisation_id, url, events, signing_secret, created_by, created_at)
				values (:id, :org, :url, :events, :secret, :createdBy, :createdAt)
				""")
			.param("id", webhook.id())
			.param("org", webhook.organisationId().value())
			.param("url", webhook.url())
			.param("events", webhook.events().stored())
			.param("secret", secret)
			.param("createdBy", webhook.createdBy())
			.param("createdAt", Sql.time(webhook.createdAt()))
			.update();
	}

	/**
	 * Deletes the webhook; its deliveries go with it (foreign key, on delete cascade).
	 */
	void delete(UUID id) {
		this.jdbc.sql("delete from webhooks where id = :id").param("id", id).update();
	}

	private static Webhook webhook(ResultSet rs, int row) throws SQLException {
		return new Webhook(rs.getObject("id", UUID.class),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("url"),
				WebhookEvents.stored(rs.getString("events")), rs.getString("created_by"),
				Sql.requiredInstant(rs, "created_at"));
	}

}
