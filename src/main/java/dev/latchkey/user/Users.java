package dev.latchkey.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.latchkey.cluster.Invalidation;
import dev.latchkey.cluster.Invalidations;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.Sql;
import dev.latchkey.system.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users, in plain SQL. The password hash is written here and read only by
 * {@link #passwordHash(String)}; it never travels inside a {@link User}.
 */
@Repository
public class Users {

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	Users(JdbcClient jdbc, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
	}

	public Optional<User> findById(UserId id) {
		return this.jdbc.sql("select * from users where id = :id")
			.param("id", id.value())
			.query(Users::user)
			.optional();
	}

	public Optional<User> findByUsername(String username) {
		return this.jdbc.sql("select * from users where username = :username")
			.param("username", username)
			.query(Users::user)
			.optional();
	}

	/**
	 * Reads the user and locks the row until the transaction ends: token creation,
	 * re-approval and deactivation of one user take this lock, so they cannot interleave.
	 */
	public Optional<User> lockById(UserId id) {
		return this.jdbc.sql("select * from users where id = :id for update")
			.param("id", id.value())
			.query(Users::user)
			.optional();
	}

	public List<User> findByOrganisation(OrganisationId organisation) {
		return this.jdbc.sql("select * from users where organisation_id = :org order by username")
			.param("org", organisation.value())
			.query(Users::user)
			.list();
	}

	public Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from users where username = :username")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	long countLicensed(OrganisationId organisation) {
		return this.jdbc.sql("select count(*) from users where organisation_id = :org and licensed")
			.param("org", organisation.value())
			.query(Long.class)
			.single();
	}

	long countActiveAdmins(OrganisationId organisation) {
		return this.jdbc.sql("""
				select count(*) from users
				where organisation_id = :org and role = 'ORG_ADMIN' and status = 'ACTIVE'
				""").param("org", organisation.value()).query(Long.class).single();
	}

	boolean usernameExists(String username) {
		return this.jdbc.sql("select count(*) from users where username = :username")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	void insert(User user, String passwordHash) {
		this.jdbc.sql("""
				insert into users (id, organisation_id, username, email, display_name, role, status, licensed,
				                   password_hash, created_at)
				values (:id, :org, :username, :email, :displayName, :role, :status, :licensed, :hash, :createdAt)
				""")
			.param("id", user.id().value())
			.param("org", user.organisationId().value())
			.param("username", user.username())
			.param("email", user.email())
			.param("displayName", user.displayName())
			.param("role", user.role().name())
			.param("status", user.status().name())
			.param("licensed", user.licensed())
			.param("hash", passwordHash)
			.param("createdAt", Sql.time(user.createdAt()))
			.update();
	}

	/**
	 * Stores role, status and license, and announces the change: the user's tokens are
	 * verified afresh on every instance, so their permissions follow.
	 */
	void update(User user) {
		this.jdbc.sql("""
				update users set role = :role, status = :status, licensed = :licensed
				where id = :id
				""")
			.param("id", user.id().value())
			.param("role", user.role().name())
			.param("status", user.status().name())
			.param("licensed", user.licensed())
			.update();
		this.invalidations.publish(Invalidation.user(user.id().value()));
	}

	private static User user(ResultSet rs, int row) throws SQLException {
		return new User(new UserId(rs.getObject("id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("username"),
				rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
				UserStatus.valueOf(rs.getString("status")), rs.getBoolean("licensed"),
				Sql.requiredInstant(rs, "created_at"));
	}

}
