package dev.latchkey.system;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rate limits of this installation, shared by every instance through the database
 * (table {@code rate_limit_counts}). Counting a hit costs no query: every
 * {@code sync-interval} each instance appends what it counted since the last time and
 * reads the current window's sums back, so a limit reached across instances holds
 * everywhere within about one interval. When the database cannot be reached, each
 * instance goes on limiting with what it counted itself.
 */
@Component
public class RateLimits {

	private static final Logger logger = LoggerFactory.getLogger(RateLimits.class);

	private final List<RateLimit> limits = new CopyOnWriteArrayList<>();

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final RateLimitSettings settings;

	private final Clock clock;

	private volatile boolean failing;

	RateLimits(JdbcClient jdbc, JdbcTemplate batch, RateLimitSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A limit of {@code permits} hits per key per {@code window}, named for the table.
	 */
	public RateLimit define(String name, int permits, Duration window) {
		RateLimit limit = new RateLimit(name, permits, window, this.settings.maxKeys(), this.clock);
		this.limits.add(limit);
		return limit;
	}

	public void synchronise() {
		try {
			for (RateLimit limit : this.limits) {
				synchronise(limit);
			}
			if (this.failing) {
				logger.info("Rate limits are shared between instances again");
				this.failing = false;
			}
		}
		catch (DataAccessException ex) {
			if (!this.failing) {
				logger.warn("Rate limits cannot be shared between instances, each counts alone for now: {}",
						ex.getMessage());
				this.failing = true;
			}
		}
	}

	private void synchronise(RateLimit limit) {
		RateLimit.Window window = limit.window(this.clock.instant());
		RateLimit.Synced synced = window.synced;
		Map<String, Long> flushed = new HashMap<>(synced.flushed());
		List<Object[]> rows = new ArrayList<>();
		for (Map.Entry<String, AtomicLong> count : window.counts.entrySet()) {
			long counted = count.getValue().get();
			long delta = counted - synced.flushed(count.getKey());
			if (delta > 0) {
				rows.add(new Object[] { limit.name(), count.getKey(), Sql.time(window.start), delta });
				flushed.put(count.getKey(), counted);
			}
		}
		if (!rows.isEmpty()) {
			this.batch.batchUpdate(
					"insert into rate_limit_counts (limit_name, client_key, window_start, hits) values (?, ?, ?, ?)",
					rows);
		}
		Map<String, Long> shared = new HashMap<>();
		this.jdbc.sql("""
				select client_key, sum(hits) as hits from rate_limit_counts
				where limit_name = :name and window_start = :start
				group by client_key order by hits desc limit :max""")
			.param("name", limit.name())
			.param("start", Sql.time(window.start))
			.param("max", this.settings.maxKeys())
			.query((rs, row) -> shared.put(rs.getString("client_key"), rs.getLong("hits")))
			.list();
		window.synced = new RateLimit.Synced(shared, flushed);
		this.jdbc.sql("delete from rate_limit_counts where limit_name = :name and window_start < :start")
			.param("name", limit.name())
			.param("start", Sql.time(window.start))
			.update();
	}

}
