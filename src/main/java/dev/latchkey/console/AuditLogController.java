package dev.latchkey.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditPage;
import dev.latchkey.audit.AuditQuery;
import dev.latchkey.audit.AuditRange;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admin → Audit Log: the organisation's trail, newest first, filtered by type, actor and
 * dates (whole UTC days, at most 90 days at a time), {@value #PAGE_SIZE} events a page.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditLogController {

	static final int PAGE_SIZE = 50;

	private static final int DEFAULT_DAYS = 7;

	private static final LocalDate FIRST_DAY = LocalDate.ofInstant(AuditRange.EARLIEST, ZoneOffset.UTC);

	private final AuditTrail trail;

	private final Clock clock;

	AuditLogController(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam @Nullable String type,
			@RequestParam(name = "actor") @Nullable String actorName,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		AuditEventType eventType = parseType(type);
		String actorFilter = (actorName != null && !actorName.isBlank()) ? actorName.strip() : null;
		model.addAttribute("types", AuditEventType.values());
		model.addAttribute("type", (eventType != null) ? eventType.name() : "");
		model.addAttribute("actor", (actorFilter != null) ? actorFilter : "");
		model.addAttribute("from", (from != null) ? from.toString() : "");
		model.addAttribute("to", (to != null) ? to.toString() : today.toString());
		try {
			LocalDate last = day("to", (to != null) ? to : today);
			LocalDate first = (from != null) ? day("from", from) : latest(FIRST_DAY, last.minusDays(DEFAULT_DAYS - 1));
			model.addAttribute("from", first.toString());
			AuditPage result = this.trail.find(actor,
					new AuditQuery(actor.requireOrganisationId(), first.atStartOfDay(ZoneOffset.UTC).toInstant(),
							last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), actorFilter, eventType,
							Math.max(page, 0), PAGE_SIZE));
			model.addAttribute("events", result.items().stream().map(AuditLogController::row).toList());
			model.addAttribute("page", result.page());
			model.addAttribute("previous",
					(result.page() > 0) ? link(eventType, actorFilter, first, last, result.page() - 1) : null);
			model.addAttribute("next",
					result.hasMore() ? link(eventType, actorFilter, first, last, result.page() + 1) : null);
		}
		catch (ProblemException ex) {
			response.setStatus(ex.type().status());
			model.addAttribute("error",
					"The dates do not work: " + ex.getMessage()
						.replace("'from'", "“From”")
						.replace("'to'", "“To”")
						.replace("narrow “From” and “To”", "choose a shorter range"));
			model.addAttribute("events", List.of());
			model.addAttribute("page", 0);
		}
		return "audit";
	}

	/**
	 * The day, if the trail's years hold it: checked before any date arithmetic, which
	 * would overflow near {@link LocalDate#MAX}.
	 */
	private static LocalDate day(String parameter, LocalDate day) {
		AuditRange.within(parameter, day.atStartOfDay(ZoneOffset.UTC).toInstant());
		return day;
	}

	private static LocalDate latest(LocalDate one, LocalDate other) {
		return one.isAfter(other) ? one : other;
	}

	private static String link(@Nullable AuditEventType type, @Nullable String actor, LocalDate from, LocalDate to,
			int page) {
		return UriComponentsBuilder.fromPath("/admin/audit")
			.queryParamIfPresent("type", java.util.Optional.ofNullable(type))
			.queryParamIfPresent("actor", java.util.Optional.ofNullable(actor))
			.queryParam("from", from)
			.queryParam("to", to)
			.queryParam("page", page)
			.encode()
			.toUriString();
	}

	private static @Nullable AuditEventType parseType(@Nullable String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		try {
			return AuditEventType.valueOf(type);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static AuditRow row(AuditEvent event) {
		String target = (event.targetName() != null)
				? ((event.targetType() != null) ? event.targetType() + " " : "") + event.targetName() : "";
		return new AuditRow(Texts.dateTime(event.occurredAt()), event.occurredAt().toString(), event.type(),
				event.actorName(), (event.clientIp() != null) ? event.clientIp() : "", target,
				(event.details() != null) ? event.details() : "");
	}

	/** One line of the trail as the page shows it. */
	record AuditRow(String time, String timeIso, String type, String actor, String clientIp, String target,
			String details) {

	}

}
