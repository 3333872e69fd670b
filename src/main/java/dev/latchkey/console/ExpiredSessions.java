package dev.latchkey.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Removes console sessions that have been idle past their timeout from the shared
 * database. An expired session is refused whether or not its row is still there; this
 * only keeps the table small. It runs as one of the application's background jobs rather
 * than on Spring Session's own scheduler ({@code spring.session.jdbc.cleanup-cron: "-"}),
 * so it stops with the others when {@code latchkey.scheduling.enabled=false}
 * ({@link ConsoleJobs}). Every instance runs it; the deletes are idempotent.
 */
@Component
@ConditionalOnWebApplication
class ExpiredSessions {

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessions(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	void remove() {
		this.sessions.cleanUpExpiredSessions();
	}

}
