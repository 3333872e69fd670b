package dev.latchkey.console;

import java.time.Clock;
import java.time.Instant;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.Actor;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.Role;
import dev.latchkey.token.SignOutOutlook;
import dev.latchkey.token.TokenManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * For console pages only: the header's facts about the signed-in user, and refusals
 * ({@code 404}, {@code 403}, ...) as a page in plain words instead of the API's problem
 * JSON. Ordered before the API's advice, which would otherwise answer every controller.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

	private static final Logger logger = LoggerFactory.getLogger(ConsoleAdvice.class);

	private final OrganisationManagement organisations;

	private final TokenManagement tokens;

	ConsoleAdvice(OrganisationManagement organisations, TokenManagement tokens) {
		this.organisations = organisations;
		this.tokens = tokens;
	}

	@ModelAttribute("me")
	@Nullable SignedIn signedIn(@AuthenticationPrincipal @Nullable Actor actor) {
		if (actor == null || actor.userId() == null || actor.organisationId() == null) {
			return null;
		}
		Organisation organisation = this.organisations.own(actor).orElse(null);
		if (organisation == null) {
			return null;
		}
		SignOutOutlook outlook = this.tokens.signOutOutlook(actor);
		return new SignedIn(actor.name(), organisation.name(), actor.role() == Role.ORG_ADMIN, outlook.activeTokens(),
				outlook.revokesTokens());
	}

	/** The path of the page, so the header can mark where the user is. */
	@ModelAttribute("path")
	String path(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ExceptionHandler(Exception.class)
	String failed(Exception ex, HttpServletResponse response, Model model) {
		if (ex instanceof ErrorResponse refusal) {
			// Spring MVC's own refusals: a wrong method, a missing parameter, ...
			response.setStatus(refusal.getStatusCode().value());
		}
		else if (ex instanceof TypeMismatchException) {
			// A parameter that is no date or number (a page beyond int, a year out of
			// range): the caller's mistake, not ours.
			response.setStatus(400);
		}
		else {
			// Type and message only: a stack trace could carry request data into the log.
			logger.error("Unexpected {} on a console page: {}", ex.getClass().getName(), ex.getMessage());
			response.setStatus(500);
		}
		model.addAttribute("status", response.getStatus());
		return "error";
	}

	@ExceptionHandler(ProblemException.class)
	String refused(ProblemException ex, @AuthenticationPrincipal @Nullable Actor actor, HttpServletResponse response,
			Model model) {
		response.setStatus(ex.type().status());
		model.addAttribute("me", signedIn(actor));
		model.addAttribute("path", "");
		// not "title": the layout's fragment parameter of that name would hide it
		model.addAttribute("problemTitle", ex.type().title());
		model.addAttribute("detail", ex.getMessage());
		return "problem";
	}

}
