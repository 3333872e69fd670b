package dev.latchkey.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scopes organisations defined, in plain SQL. A create that names scopes and the
 * deletion of one lock the scope's row, so a scope is never deleted while a token that
 * names it is being created.
 */
@Repository
class Scopes {

	private final JdbcClient jdbc;

	Scopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<OrganisationScope> findByOrganisation(OrganisationId organisation) {
		return this.jdbc.sql("select * from organisation_scopes where organisation_id = :org order by name")
			.param("org", organisation.value())
			.query(Scopes::scope)
			.list();
	}

	/** Of the named scopes, those the organisation defines, locked until the end. */
	Set<Scope> lockExisting(OrganisationId organisation, Collection<Scope> scopes) {
		if (scopes.isEmpty()) {
			return Set.of();
		}
		return this.jdbc
			.sql("select name from organisation_scopes where organisation_id = :org and name in (:names) for update")
			.param("org", organisation.value())
			.param("names", scopes.stream().map(Scope::name).toList())
			.query((rs, row) -> new Scope(rs.getString("name")))
			.list()
			.stream()
			.collect(Collectors.toSet());
	}

	long count(OrganisationId organisation) {
		return this.jdbc.sql("select count(*) from organisation_scopes where organisation_id = :org")
			.param("org", organisation.value())
			.query(Long.class)
			.single();
	}

	void insert(OrganisationScope scope) {
		this.jdbc.sql("""
				insert into organisation_scopes (organisation_id, name, description, created_at, created_by)
				values (:org, :name, :description, :createdAt, :createdBy)
				""")
			.param("org", scope.organisationId().value())
			.param("name", scope.scope().name())
			.param("description", scope.description())
			.param("createdAt", Sql.time(scope.createdAt()))
			.param("createdBy", scope.createdBy())
			.update();
	}

	void delete(OrganisationId organisation, Scope scope) {
		this.jdbc.sql("delete from organisation_scopes where organisation_id = :org and name = :name")
			.param("org", organisation.value())
			.param("name", scope.name())
			.update();
	}

	private static OrganisationScope scope(ResultSet rs, int row) throws SQLException {
		return new OrganisationScope(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				new Scope(rs.getString("name")), rs.getString("description"), Sql.requiredInstant(rs, "created_at"),
				rs.getString("created_by"));
	}

}
