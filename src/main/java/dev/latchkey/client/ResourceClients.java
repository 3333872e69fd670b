package dev.latchkey.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.latchkey.cluster.Invalidation;
import dev.latchkey.cluster.Invalidations;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Resource-server clients, in plain SQL.
 */
@Repository
class ResourceClients {

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	ResourceClients(JdbcClient jdbc, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
	}

	Optional<ResourceClient> findById(UUID id) {
		return this.jdbc.sql("select * from resource_clients where id = :id")
			.param("id", id)
			.query(ResourceClients::client)
			.optional();
	}

	Optional<ResourceClient> findByClientId(String clientId) {
		return this.jdbc.sql("select * from resource_clients where client_id = :clientId")
			.param("clientId", clientId)
			.query(ResourceClients::client)
			.optional();
	}

	List<ResourceClient> findByOrganisation(OrganisationId organisation) {
		return this.jdbc.sql("select * from resource_clients where organisation_id = :org order by name")
			.param("org", organisation.value())
			.query(ResourceClients::client)
			.list();
	}

	boolean nameTaken(OrganisationId organisation, String name) {
		return this.jdbc.sql("select count(*) from resource_clients where organisation_id = :org and name = :name")
			.param("org", organisation.value())
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	void insert(ResourceClient client) {
		this.jdbc.sql("""
				insert into resource_clients (id, organisation_id, name, client_id, secret_digest, enabled,
				    created_at, created_by)
				values (:id, :org, :name, :clientId, :digest, :enabled, :createdAt, :createdBy)
				""")
			.param("id", client.id())
			.param("org", client.organisationId().value())
			.param("name", client.name())
			.param("clientId", client.clientId())
			.param("digest", client.secretDigest())
			.param("enabled", client.enabled())
			.param("createdAt", Sql.time(client.createdAt()))
			.param("createdBy", client.createdBy())
			.update();
	}

	/** Stores a change of the enabled flag or of the secret, and tells every cache. */
	void update(ResourceClient client) {
		this.jdbc.sql("update resource_clients set enabled = :enabled, secret_digest = :digest where id = :id")
			.param("id", client.id())
			.param("enabled", client.enabled())
			.param("digest", client.secretDigest())
			.update();
		this.invalidations.publish(Invalidation.client(client.id()));
	}

	private static ResourceClient client(ResultSet rs, int row) throws SQLException {
		return new ResourceClient(rs.getObject("id", UUID.class),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("name"),
				rs.getString("client_id"), rs.getString("secret_digest"), rs.getBoolean("enabled"),
				Sql.requiredInstant(rs, "created_at"), rs.getString("created_by"));
	}

}
