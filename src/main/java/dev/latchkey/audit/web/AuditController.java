package dev.latchkey.audit.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditPage;
import dev.latchkey.audit.AuditQuery;
import dev.latchkey.audit.AuditRange;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.InvalidRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's audit trail, newest first. Without {@code from}/{@code to} it covers
 * the last seven days.
 */
@RestController
@RequestMapping("/api/v1/audit-events")
class AuditController {

	private static final Duration DEFAULT_SPAN = Duration.ofDays(7);

	private final AuditTrail trail;

	private static final String VERSION = "1";

	private final Clock clock;

	private final JsonMapper json;

	AuditController(AuditTrail trail, Clock clock, JsonMapper json) {
		this.trail = trail;
		this.clock = clock;
		this.json = json;
	}

	/**
	 * The trail of a range (at most 90 days), oldest first, streamed as JSON lines
	 * ({@code format=jsonl}) or CEF ({@code format=cef}).
	 */
	@GetMapping("/export")
	void export(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "jsonl") String format,
			@RequestParam @Nullable Instant from, @RequestParam @Nullable Instant to, HttpServletResponse response)
			throws IOException {
		if (actor.organisationId() == null || !actor.administers(actor.organisationId())) {
			throw new Forbidden("Only organisation administrators export the audit trail.");
		}
		if (!"jsonl".equals(format) && !"cef".equals(format)) {
			throw InvalidRequest.parameter("format", "'format' is 'jsonl' or 'cef'.");
		}
		// Everything is checked before the first header: a refusal is a problem, never a
		// half-written 200.
		AuditRange range = AuditRange.requested(from, to, this.clock.instant(), DEFAULT_SPAN);
		response.setContentType("jsonl".equals(format) ? "application/x-ndjson" : "text/plain");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + range.from().getEpochSecond() + "-"
				+ range.to().getEpochSecond() + "." + ("jsonl".equals(format) ? "jsonl" : "cef") + "\"");
		PrintWriter writer = response.getWriter();
		this.trail.export(actor, actor.organisationId(), range, format, (event) -> writer
			.println("jsonl".equals(format) ? this.json.writeValueAsString(event) : CefFormat.line(event, VERSION)));
		writer.flush();
	}

	@GetMapping
	AuditPage list(@AuthenticationPrincipal Actor actor, @RequestParam @Nullable Instant from,
			@RequestParam @Nullable Instant to, @RequestParam(name = "actor") @Nullable String actorName,
			@RequestParam @Nullable AuditEventType type, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (actor.organisationId() == null) {
			throw new Forbidden("Only organisation administrators read the audit trail.");
		}
		AuditRange range = AuditRange.requested(from, to, this.clock.instant(), DEFAULT_SPAN);
		return this.trail.find(actor,
				new AuditQuery(actor.organisationId(), range.from(), range.to(), actorName, type, page, size));
	}

}
