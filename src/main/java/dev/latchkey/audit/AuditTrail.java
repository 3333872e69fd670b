package dev.latchkey.audit;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Sql;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records and reads audit events. Recording joins the caller's transaction, so an event
 * is stored exactly when the change it describes is.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JdbcClient streaming;

	private final TransactionTemplate exports;

	AuditTrail(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		JdbcTemplate batched = new JdbcTemplate(dataSource);
		batched.setFetchSize(500);
		this.streaming = JdbcClient.create(batched);
		this.exports = new TransactionTemplate(transactions);
		this.exports.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Transactional
	public void record(AuditEntry entry) {
		this.jdbc.sql("""
				insert into audit_events (occurred_at, organisation_id, type, actor, actor_name, client_ip,
				                          target_type, target_id, target_name, details)
				values (:at, :org, :type, :actor, :actorName, :ip, :targetType, :targetId, :targetName, :details)
				""")
			.param("at", Sql.time(this.clock.instant()))
			.param("org", (entry.organisation() != null) ? entry.organisation().value() : null)
			.param("type", entry.type().name())
			.param("actor", entry.actor().reference())
			.param("actorName", entry.actor().name())
			.param("ip", entry.actor().clientIp())
			.param("targetType", entry.targetType())
			.param("targetId", entry.targetId())
			.param("targetName", entry.targetName())
			.param("details", entry.details())
			.update();
	}

	/**
	 * A page of the trail of the actor's organisation; org admins only.
	 */
	@Transactional(readOnly = true)
	public AuditPage find(Actor actor, AuditQuery query) {
		if (!actor.administers(query.organisation())) {
			throw new Forbidden("Only organisation administrators read the audit trail.");
		}
		List<AuditEvent> rows = this.jdbc.sql("""
				select * from audit_events
				where organisation_id = :org and occurred_at >= :from and occurred_at < :to
				  and (cast(:actor as varchar(100)) is null or actor_name = :actor or actor = :actor)
				  and (cast(:type as varchar(50)) is null or type = :type)
				order by occurred_at desc, id desc
				limit :limit offset :offset
				""")
			.param("org", query.organisation().value())
			.param("from", Sql.time(query.from()))
			.param("to", Sql.time(query.to()))
			.param("actor", query.actor())
			.param("type", (query.type() != null) ? query.type().name() : null)
			.param("limit", query.size() + 1)
			.param("offset", (long) query.page() * query.size())
			.query(AuditTrail::event)
			.list();
		boolean hasMore = rows.size() > query.size();
		return new AuditPage(hasMore ? rows.subList(0, query.size()) : rows, query.page(), query.size(), hasMore);
	}

	/**
	 * Streams the organisation's trail in a range, oldest first, to the sink without
	 * loading it into memory (the driver fetches rows in batches), and records that it
	 * was exported.
	 */
	@Transactional(readOnly = true)
	public void export(Actor actor, OrganisationId organisation, AuditRange range, String format,
			Consumer<AuditEvent> sink) {
		if (!actor.administers(organisation)) {
			throw new Forbidden("Only organisation administrators export the audit trail.");
		}
		this.streaming.sql("""
				select * from audit_events
				where organisation_id = :org and occurred_at >= :from and occurred_at < :to
				order by occurred_at, id
				""")
			.param("org", organisation.value())
			.param("from", Sql.time(range.from()))
			.param("to", Sql.time(range.to()))
			.query((ResultSet rs) -> {
				sink.accept(event(rs, 0));
			});
		this.exports
			.executeWithoutResult((status) -> record(AuditEntry.of(AuditEventType.AUDIT_EXPORTED, actor, organisation)
				.details("format=" + format + ", from=" + range.from() + ", to=" + range.to())));
	}

	/** Everything recorded for one target, oldest first; for tests and the console. */
	@Transactional(readOnly = true)
	public List<AuditEvent> forTarget(@Nullable OrganisationId organisation, String targetId) {
		return this.jdbc.sql("select * from audit_events where target_id = :id order by id")
			.param("id", targetId)
			.query(AuditTrail::event)
			.list()
			.stream()
			.filter((e) -> organisation == null || organisation.toString().equals(e.organisationId()))
			.toList();
	}

	private static AuditEvent event(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), Sql.requiredInstant(rs, "occurred_at"), rs.getString("organisation_id"),
				rs.getString("type"), rs.getString("actor"), rs.getString("actor_name"), rs.getString("client_ip"),
				rs.getString("target_type"), rs.getString("target_id"), rs.getString("target_name"),
				rs.getString("details"));
	}

}
