package dev.latchkey.console;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import dev.latchkey.system.Sql;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins per subject, in the database every instance shares, so a failure counts
 * once whichever instance saw it. Plain SQL that runs alike on H2 and PostgreSQL: no
 * upsert dialect, but an update that falls back to an insert, retried once when another
 * instance inserted the same subject first. Each statement commits on its own, so no
 * transaction is held while a password is hashed.
 */
@Repository
class SignInFailures {

	private final JdbcClient jdbc;

	SignInFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The recorded failures of those subjects that have any, by subject. */
	Map<String, Failures> find(Collection<String> subjects) {
		return this.jdbc
			.sql("select subject, failures, last_failed_at from sign_in_failures where subject in (:subjects)")
			.param("subjects", subjects)
			.query((rs, row) -> Map.entry(rs.getString("subject"),
					new Failures(rs.getInt("failures"), Sql.requiredInstant(rs, "last_failed_at"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Counts one failure at {@code now}; a count whose last failure is at or before
	 * {@code forgotten} starts again from one.
	 */
	void count(String subject, Instant now, Instant forgotten) {
		if (increment(subject, now, forgotten) == 0) {
			try {
				this.jdbc
					.sql("insert into sign_in_failures (subject, failures, last_failed_at) values (:subject, 1, :now)")
					.param("subject", subject)
					.param("now", Sql.time(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				increment(subject, now, forgotten);
			}
		}
	}

	private int increment(String subject, Instant now, Instant forgotten) {
		return this.jdbc.sql("""
				update sign_in_failures
				set failures = case when last_failed_at <= :forgotten then 1 else failures + 1 end,
				    last_failed_at = :now
				where subject = :subject
				""")
			.param("forgotten", Sql.time(forgotten))
			.param("now", Sql.time(now))
			.param("subject", subject)
			.update();
	}

	void clear(String subject) {
		this.jdbc.sql("delete from sign_in_failures where subject = :subject").param("subject", subject).update();
	}

	/** Removes every count whose last failure is at or before {@code forgotten}. */
	int forget(Instant forgotten) {
		return this.jdbc.sql("delete from sign_in_failures where last_failed_at <= :forgotten")
			.param("forgotten", Sql.time(forgotten))
			.update();
	}

	/**
	 * How many failures a subject has, and when the last one was.
	 *
	 * @param count failures since the count last started
	 * @param last when the last one was
	 */
	record Failures(int count, Instant last) {

	}

}
