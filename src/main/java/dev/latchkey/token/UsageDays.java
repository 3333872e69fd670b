package dev.latchkey.token;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests per token and UTC day (SPEC §9), in plain SQL. Increments are merged in one
 * JDBC batch with standard SQL {@code MERGE}, which H2 and PostgreSQL both run; when two
 * instances insert the same new day at once, one batch fails on the key and is retried by
 * its next flush.
 */
@Repository
class UsageDays {

	/** How long counts are kept. */
	static final int KEPT_DAYS = 90;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batches;

	UsageDays(JdbcClient jdbc, NamedParameterJdbcOperations batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	void add(Collection<UsageCounts.Increment> increments) {
		if (increments.isEmpty()) {
			return;
		}
		MapSqlParameterSource[] rows = increments.stream()
			.map((increment) -> new MapSqlParameterSource().addValue("token", increment.token().value())
				.addValue("day", increment.day())
				.addValue("requests", increment.requests()))
			.toArray(MapSqlParameterSource[]::new);
		this.batches.batchUpdate("""
				merge into token_usage_days u
				using (values (cast(:token as uuid), cast(:day as date), cast(:requests as bigint)))
				    as n (token_id, usage_day, requests)
				on u.token_id = n.token_id and u.usage_day = n.usage_day
				when matched then update set requests = u.requests + n.requests
				when not matched then insert (token_id, usage_day, requests)
				    values (n.token_id, n.usage_day, n.requests)
				""", rows);
	}

	/** The stored counts of a token from {@code from} on, by day. */
	Map<LocalDate, Long> find(TokenId token, LocalDate from) {
		Map<LocalDate, Long> days = new TreeMap<>();
		this.jdbc.sql("select usage_day, requests from token_usage_days where token_id = :token and usage_day >= :from")
			.param("token", token.value())
			.param("from", from)
			.query((rs) -> {
				days.put(rs.getObject("usage_day", LocalDate.class), rs.getLong("requests"));
			});
		return days;
	}

	void deleteOf(TokenId token) {
		this.jdbc.sql("delete from token_usage_days where token_id = :token").param("token", token.value()).update();
	}

	/**
	 * @return how many rows older than {@code before} were deleted
	 */
	int deleteBefore(LocalDate before) {
		return this.jdbc.sql("delete from token_usage_days where usage_day < :before").param("before", before).update();
	}

}
