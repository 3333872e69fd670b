package dev.latchkey.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.latchkey.cluster.Invalidation;
import dev.latchkey.cluster.Invalidations;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.organisation.Organisations;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Sql;
import dev.latchkey.system.UserId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tokens, in plain SQL. Reads join the owner for their username. Every write that can
 * change whether a token authenticates announces it through {@link Invalidations}, in the
 * same transaction.
 */
@Repository
public class ApiTokens {

	private static final String SELECT_VIEW = """
			select t.*, u.username as owner_username
			from api_tokens t join users u on u.id = t.owner_id
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batches;

	private final Invalidations invalidations;

	ApiTokens(JdbcClient jdbc, NamedParameterJdbcOperations batches, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.invalidations = invalidations;
	}

	public Optional<TokenView> findById(TokenId id) {
		return this.jdbc.sql(SELECT_VIEW + "where t.id = :id")
			.param("id", id.value())
			.query(ApiTokens::view)
			.optional();
	}

	/** The token with this secret, or whose secret a rotation replaced with it. */
	Optional<TokenView> findByDigest(TokenDigest digest) {
		return this.jdbc.sql(SELECT_VIEW + "where t.digest = :digest or t.previous_digest = :digest")
			.param("digest", digest.hex())
			.query(ApiTokens::view)
			.optional();
	}

	public List<TokenView> findByOwner(UserId owner) {
		return this.jdbc.sql(SELECT_VIEW + "where t.owner_id = :owner order by t.created_at, t.id")
			.param("owner", owner.value())
			.query(ApiTokens::view)
			.list();
	}

	public List<TokenView> findByOrganisation(OrganisationId organisation) {
		return this.jdbc.sql(SELECT_VIEW + "where t.organisation_id = :org order by u.username, t.created_at, t.id")
			.param("org", organisation.value())
			.query(ApiTokens::view)
			.list();
	}

	/**
	 * The tokens that hold a slot of the owner's license: not deleted and not expired.
	 */
	long countHoldingSlot(UserId owner, Instant now) {
		return this.jdbc.sql("""
				select count(*) from api_tokens
				where owner_id = :owner and status <> 'EXPIRED' and expires_at > :now
				""").param("owner", owner.value()).param("now", Sql.time(now)).query(Long.class).single();
	}

	boolean nameTaken(UserId owner, TokenName name) {
		return this.jdbc.sql("select count(*) from api_tokens where owner_id = :owner and name = :name")
			.param("owner", owner.value())
			.param("name", name.value())
			.query(Long.class)
			.single() > 0;
	}

	List<TokenView> findActiveByOwner(UserId owner) {
		return this.jdbc.sql(SELECT_VIEW + "where t.owner_id = :owner and t.status = 'ACTIVE'")
			.param("owner", owner.value())
			.query(ApiTokens::view)
			.list();
	}

	List<TokenView> findDueForExpiry(Instant now, int limit) {
		return this.jdbc
			.sql(SELECT_VIEW
					+ "where t.status <> 'EXPIRED' and t.expires_at <= :now order by t.expires_at limit :limit")
			.param("now", Sql.time(now))
			.param("limit", limit)
			.query(ApiTokens::view)
			.list();
	}

	/**
	 * Candidates for revocation as unused (SPEC §9) in the organisations that revoke
	 * tokens unused for {@code days}: active, not expired, and with no sign of life at or
	 * after {@code cutoff} — what {@link ApiToken#isUnusedSince} decides for each.
	 */
	List<TokenView> findUnusedSince(int days, Instant cutoff, Instant now, int limit) {
		return this.jdbc.sql("""
				select t.*, u.username as owner_username
				from api_tokens t join users u on u.id = t.owner_id
				join organisations o on o.id = t.organisation_id
				where o.revoke_tokens_unused_for_days = :days and t.status = 'ACTIVE' and t.expires_at > :now
				  and t.created_at < :cutoff
				  and (t.last_used_at is null or t.last_used_at < :cutoff)
				  and (t.reapproved_at is null or t.reapproved_at < :cutoff)
				order by t.created_at, t.id limit :limit
				""")
			.param("days", days)
			.param("cutoff", Sql.time(cutoff))
			.param("now", Sql.time(now))
			.param("limit", limit)
			.query(ApiTokens::view)
			.list();
	}

	/**
	 * Active tokens within {@code thresholdDays} of their expiry, in organisations that
	 * remind at that threshold, whose reminder for it (at their current expiry) nobody
	 * has claimed yet; each with its organisation's reminder days.
	 */
	List<ReminderCandidate> findDueForReminder(int thresholdDays, Instant now, int limit) {
		return this.jdbc.sql("""
				select t.*, u.username as owner_username, o.expiry_reminder_days
				from api_tokens t join users u on u.id = t.owner_id
				join organisations o on o.id = t.organisation_id
				where t.status = 'ACTIVE' and t.expires_at > :now and t.expires_at <= :horizon
				  and %s
				  and not exists (select 1 from expiry_reminders r where r.token_id = t.id
				      and r.threshold_days = :threshold and r.expires_at = t.expires_at)
				order by t.expires_at, t.id limit :limit
				""".formatted(Organisations.remindsAt("pattern")))
			.param("now", Sql.time(now))
			.param("horizon", Sql.time(now.plus(Duration.ofDays(thresholdDays))))
			.param("pattern", Organisations.remindsAtPattern(thresholdDays))
			.param("threshold", thresholdDays)
			.param("limit", limit)
			.query((rs, row) -> new ReminderCandidate(view(rs, row),
					OrganisationPolicies.parseExpiryReminderDays(rs.getString("expiry_reminder_days"))))
			.list();
	}

	/** A token a reminder may be due for, and its organisation's reminder days. */
	record ReminderCandidate(TokenView view, List<Integer> reminderDays) {

	}

	/**
	 * Claims the token's reminder for a threshold at its current expiry: the primary key
	 * lets one claim win, on any instance, before or after a restart. Call in a
	 * transaction of its own: on PostgreSQL a duplicate key ends the transaction it
	 * happens in.
	 * @return whether this call claimed it; {@code false} when it was claimed before
	 * @throws org.springframework.dao.DuplicateKeyException when a claim committed
	 * concurrently
	 */
	boolean claimReminder(TokenId token, int thresholdDays, Instant expiresAt, Instant now, boolean announced) {
		boolean claimed = this.jdbc.sql("""
				select count(*) from expiry_reminders
				where token_id = :id and threshold_days = :threshold and expires_at = :expiresAt
				""")
			.param("id", token.value())
			.param("threshold", thresholdDays)
			.param("expiresAt", Sql.time(expiresAt))
			.query(Long.class)
			.single() > 0;
		if (claimed) {
			return false;
		}
		this.jdbc.sql("""
				insert into expiry_reminders (token_id, threshold_days, expires_at, claimed_at, announced)
				values (:id, :threshold, :expiresAt, :now, :announced)
				""")
			.param("id", token.value())
			.param("threshold", thresholdDays)
			.param("expiresAt", Sql.time(expiresAt))
			.param("now", Sql.time(now))
			.param("announced", announced)
			.update();
		return true;
	}

	void insert(ApiToken token) {
		this.jdbc.sql("""
				insert into api_tokens (id, owner_id, organisation_id, name, description, scopes, allowed_ips, digest,
				    hint, status, status_reason, created_at, created_by, expires_at)
				values (:id, :owner, :org, :name, :description, :scopes, :allowedIps, :digest, :hint, :status, :reason,
				    :createdAt, :createdBy, :expiresAt)
				""")
			.param("id", token.id().value())
			.param("owner", token.ownerId().value())
			.param("org", token.organisationId().value())
			.param("name", token.name().value())
			.param("description", token.description())
			.param("scopes", token.scopes().serialised())
			.param("allowedIps", token.allowedAddresses().serialised())
			.param("digest", token.digest().hex())
			.param("hint", token.hint())
			.param("status", token.storedStatus().name())
			.param("reason", reason(token.storedStatusReason()))
			.param("createdAt", Sql.time(token.createdAt()))
			.param("createdBy", token.createdBy())
			.param("expiresAt", Sql.time(token.expiresAt()))
			.update();
	}

	/**
	 * Stores a change of status or details, if the token is still at the version that was
	 * read.
	 * @return whether the row was changed: {@code false} when another transaction changed
	 * the token since it was read
	 */
	boolean update(ApiToken token) {
		boolean changed = this.jdbc.sql("""
				update api_tokens set status = :status, status_reason = :reason, revoked_at = :revokedAt,
				    revoked_by = :revokedBy, name = :name, description = :description, scopes = :scopes,
				    allowed_ips = :allowedIps, digest = :digest, hint = :hint, expires_at = :expiresAt,
				    previous_digest = :previousDigest, previous_valid_until = :previousValidUntil,
				    rotated_at = :rotatedAt, reapproved_at = :reapprovedAt, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", token.id().value())
			.param("digest", token.digest().hex())
			.param("hint", token.hint())
			.param("expiresAt", Sql.time(token.expiresAt()))
			.param("previousDigest", (token.previous() != null) ? token.previous().digest().hex() : null)
			.param("previousValidUntil", (token.previous() != null) ? Sql.time(token.previous().validUntil()) : null)
			.param("rotatedAt", Sql.time(token.rotatedAt()))
			.param("reapprovedAt", Sql.time(token.reapprovedAt()))
			.param("name", token.name().value())
			.param("description", token.description())
			.param("scopes", token.scopes().serialised())
			.param("allowedIps", token.allowedAddresses().serialised())
			.param("status", token.storedStatus().name())
			.param("reason", reason(token.storedStatusReason()))
			.param("revokedAt", Sql.time(token.revokedAt()))
			.param("revokedBy", token.revokedBy())
			.param("version", token.version())
			.update() == 1;
		if (changed) {
			this.invalidations.publish(Invalidation.token(token.id().value()));
		}
		return changed;
	}

	void delete(TokenId id) {
		this.jdbc.sql("delete from api_tokens where id = :id").param("id", id.value()).update();
		this.invalidations.publish(Invalidation.token(id.value()));
	}

	/**
	 * Writes the last uses of many tokens in one JDBC batch: one round trip, not one per
	 * token. An older use never overwrites a newer one (another instance may have written
	 * it).
	 */
	void recordUses(Collection<LastUse> uses) {
		if (uses.isEmpty()) {
			return;
		}
		MapSqlParameterSource[] rows = uses.stream()
			.map((use) -> new MapSqlParameterSource().addValue("id", use.tokenId().value())
				.addValue("at", Sql.time(use.at()))
				.addValue("ip", use.clientIp()))
			.toArray(MapSqlParameterSource[]::new);
		this.batches.batchUpdate("""
				update api_tokens set last_used_at = :at, last_used_ip = :ip
				where id = :id and (last_used_at is null or last_used_at < :at)
				""", rows);
	}

	/**
	 * Whether any token of the organisation holds the scope: the database narrows by
	 * substring, the exact check is made on the parsed lists.
	 */
	boolean anyHolds(OrganisationId organisation, Scope scope) {
		return this.jdbc.sql("""
				select scopes from api_tokens where organisation_id = :org and scopes like :pattern escape '!'
				""")
			.param("org", organisation.value())
			.param("pattern", "%" + scope.name().replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%")
			.query(String.class)
			.list()
			.stream()
			.anyMatch((stored) -> TokenScopes.parse(stored).holds(scope));
	}

	/**
	 * What authentication needs to know about the token with this digest, its owner and
	 * organisation. A secret that a rotation replaced finds its token too, as a
	 * credential of that secret: its digest, and the end of its overlap as its expiry, so
	 * that it stops like an expired token when the overlap ends.
	 */
	Optional<TokenCredential> findCredential(TokenDigest digest) {
		return this.jdbc.sql("""
				select t.id, t.name, t.status, t.created_at, t.organisation_id, t.owner_id, t.scopes, t.allowed_ips,
				       case when t.digest = :digest then t.digest else t.previous_digest end as digest,
				       case when t.digest = :digest then t.expires_at else t.previous_valid_until end as expires_at,
				       u.username, u.email, u.display_name, u.role, u.status as owner_status, u.licensed,
				       o.name as organisation_name
				from api_tokens t
				join users u on u.id = t.owner_id and u.organisation_id = t.organisation_id
				join organisations o on o.id = t.organisation_id
				where t.digest = :digest or t.previous_digest = :digest
				""").param("digest", digest.hex()).query(TokenCredential::from).optional();
	}

	/** One authenticated use of a token, as last-used tracking writes it. */
	record LastUse(TokenId tokenId, Instant at, @Nullable String clientIp) {

	}

	private static @Nullable String reason(@Nullable StatusReason reason) {
		return (reason != null) ? reason.name() : null;
	}

	private static ApiToken.@Nullable Overlap overlap(ResultSet rs) throws SQLException {
		String previous = rs.getString("previous_digest");
		Instant until = Sql.instant(rs, "previous_valid_until");
		return (previous != null && until != null) ? new ApiToken.Overlap(new TokenDigest(previous), until) : null;
	}

	private static TokenView view(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("status_reason");
		ApiToken token = new ApiToken(new TokenId(rs.getObject("id", UUID.class)),
				new UserId(rs.getObject("owner_id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), new TokenName(rs.getString("name")),
				rs.getString("description"), TokenScopes.parse(rs.getString("scopes")),
				AllowedAddresses.parse(rs.getString("allowed_ips")), new TokenDigest(rs.getString("digest")),
				rs.getString("hint"), Sql.requiredInstant(rs, "created_at"), rs.getString("created_by"),
				Sql.requiredInstant(rs, "expires_at"), TokenStatus.valueOf(rs.getString("status")),
				(reason != null) ? StatusReason.valueOf(reason) : null, Sql.instant(rs, "revoked_at"),
				rs.getString("revoked_by"), Sql.instant(rs, "last_used_at"), rs.getString("last_used_ip"), overlap(rs),
				Sql.instant(rs, "rotated_at"), Sql.instant(rs, "reapproved_at"), rs.getInt("version"));
		return new TokenView(token, rs.getString("owner_username"));
	}

}
