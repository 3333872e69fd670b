package dev.latchkey.audit.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditPage;
import dev.latchkey.audit.AuditQuery;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import org.jspecify.annotations.Nullable;

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

	private final Clock clock;

	AuditController(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	@GetMapping
	AuditPage list(@AuthenticationPrincipal Actor actor, @RequestParam @Nullable Instant from,
			@RequestParam @Nullable Instant to, @RequestParam(name = "actor") @Nullable String actorName,
			@RequestParam @Nullable AuditEventType type, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (actor.organisationId() == null) {
			throw new Forbidden("Only organisation administrators read the audit trail.");
		}
		Instant end = (to != null) ? to : this.clock.instant().plusSeconds(1);
		Instant start = (from != null) ? from : end.minus(DEFAULT_SPAN);
		return this.trail.find(actor, new AuditQuery(actor.organisationId(), start, end, actorName, type, page, size));
	}

}
