package dev.latchkey.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.latchkey.system.Sql;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries of webhooks, in plain SQL: the outbox the sender works from. Everything a
 * delivery needs is in its row, so a restart resumes where the last instance stopped.
 */
@Repository
class WebhookDeliveries {

	private final JdbcClient jdbc;

	WebhookDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new delivery unless one of that id exists: a token event handed over twice
	 * (the registry delivers at least once) yields one delivery per webhook.
	 * @return whether it was stored
	 */
	boolean insertOnce(WebhookDelivery delivery) {
		return this.jdbc.sql("""
				insert into webhook_deliveries (id, webhook_id, event_type, body, created_at, attempts, next_attempt_at,
				    state)
				select :id, :webhookId, :eventType, :body, :createdAt, 0, :nextAttemptAt, :state
				where not exists (select 1 from webhook_deliveries where id = :id)
				""")
			.param("id", delivery.id())
			.param("webhookId", delivery.webhookId())
			.param("eventType", delivery.eventType())
			.param("body", delivery.body())
			.param("createdAt", Sql.time(delivery.createdAt()))
			.param("nextAttemptAt", Sql.time(delivery.nextAttemptAt()))
			.param("state", delivery.state().name())
			.update() == 1;
	}

	/** Pending deliveries whose next attempt is due, oldest first. */
	List<WebhookDelivery> due(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from webhook_deliveries where state = 'PENDING' and next_attempt_at <= :now
				order by next_attempt_at, id fetch first :limit rows only
				""").param("now", Sql.time(now)).param("limit", limit).query(WebhookDeliveries::delivery).list();
	}

	/**
	 * Claims a due delivery by moving its next attempt from the value this instance read
	 * to the end of a lease. Only one of several instances that read the same row changes
	 * it; if the claimant dies, the delivery is due again when the lease ends.
	 * @return whether this caller claimed it
	 */
	boolean claim(WebhookDelivery delivery, Instant leaseUntil) {
		return this.jdbc.sql("""
				update webhook_deliveries set next_attempt_at = :lease
				where id = :id and state = 'PENDING' and next_attempt_at = :seen
				""")
			.param("lease", Sql.time(leaseUntil))
			.param("id", delivery.id())
			.param("seen", Sql.time(delivery.nextAttemptAt()))
			.update() == 1;
	}

	/** Records an attempt that got a 2xx answer. */
	void delivered(UUID id, int attempts, int statusCode, long durationMs, Instant now) {
		this.jdbc.sql("""
				update webhook_deliveries set state = 'DELIVERED', attempts = :attempts, last_status_code = :status,
				    last_duration_ms = :duration, last_error = null, delivered_at = :now
				where id = :id
				""")
			.param("id", id)
			.param("attempts", attempts)
			.param("status", statusCode)
			.param("duration", durationMs)
			.param("now", Sql.time(now))
			.update();
	}

	/**
	 * Records an attempt that failed: pending again at {@code next}, or failed for good
	 * when there is none.
	 */
	void attemptFailed(UUID id, int attempts, @Nullable Integer statusCode, long durationMs, String error,
			@Nullable Instant next) {
		String nextAttempt = (next != null) ? ", next_attempt_at = :next" : "";
		this.jdbc.sql("""
				update webhook_deliveries set state = :state, attempts = :attempts, last_status_code = :status,
				    last_duration_ms = :duration, last_error = :error""" + nextAttempt + " where id = :id")
			.param("id", id)
			.param("state", (next != null) ? DeliveryState.PENDING.name() : DeliveryState.FAILED.name())
			.param("attempts", attempts)
			.param("status", statusCode, Types.INTEGER)
			.param("duration", durationMs)
			.param("error", error)
			.param("next", Sql.time(next))
			.update();
	}

	/** A webhook's deliveries, newest first. */
	List<WebhookDelivery> findByWebhook(UUID webhookId, int limit) {
		return this.jdbc.sql("""
				select * from webhook_deliveries where webhook_id = :webhookId
				order by created_at desc, id fetch first :limit rows only
				""").param("webhookId", webhookId).param("limit", limit).query(WebhookDeliveries::delivery).list();
	}

	/** Forgets delivered and failed deliveries created before the cut-off. */
	int deleteFinishedBefore(Instant cutoff) {
		return this.jdbc.sql("delete from webhook_deliveries where state <> 'PENDING' and created_at < :cutoff")
			.param("cutoff", Sql.time(cutoff))
			.update();
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
				rs.getString("event_type"), rs.getString("body"), Sql.requiredInstant(rs, "created_at"),
				rs.getInt("attempts"), Sql.requiredInstant(rs, "next_attempt_at"),
				DeliveryState.valueOf(rs.getString("state")), rs.getObject("last_status_code", Integer.class),
				rs.getObject("last_duration_ms", Long.class), rs.getString("last_error"),
				Sql.instant(rs, "delivered_at"));
	}

}
