package dev.latchkey.audit.web;

import java.time.Instant;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditEventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CEF line's severity comes from the event's type.
 */
class CefFormatUnitTests {

	@Test
	void aRefusedCredentialIsReportedAtTheSeverityItsTypeCarries() {
		// given
		AuditEvent refused = event(AuditEventType.TOKEN_AUTHENTICATION_REFUSED.name());

		// when
		String line = CefFormat.line(refused, "1");

		// then
		assertThat(line)
			.startsWith("CEF:0|Latchkey|Latchkey|1|TOKEN_AUTHENTICATION_REFUSED|" + "Token authentication refused|6|");
	}

	@Test
	void aTypeThisVersionDoesNotKnowIsRoutine() {
		// given
		AuditEvent unknown = event("SOMETHING_NEWER");

		// when
		String line = CefFormat.line(unknown, "1");

		// then
		assertThat(line).contains("|Something newer|" + AuditEventType.ROUTINE_SEVERITY + "|");
	}

	private static AuditEvent event(String type) {
		return new AuditEvent(7, Instant.parse("2026-11-27T09:00:00Z"), null, type, "USER", "alice", "203.0.113.7",
				null, null, null, null);
	}

}
