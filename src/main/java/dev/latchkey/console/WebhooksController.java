package dev.latchkey.console;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.latchkey.system.Actor;
import dev.latchkey.system.ProblemException;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import dev.latchkey.webhook.CreatedWebhook;
import dev.latchkey.webhook.Webhook;
import dev.latchkey.webhook.WebhookEvents;
import dev.latchkey.webhook.WebhookManagement;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Webhooks (SPEC §9): the organisation's webhooks, the add dialog, delete, and a
 * webhook's delivery log. Like a new token's, a new webhook's signing secret is rendered
 * into the response to the create POST only, never cached, and never put in a URL, a
 * redirect or a flash attribute.
 */
@Controller
@RequestMapping(WebhookRow.LIST)
class WebhooksController {

	private final WebhookManagement webhooks;

	private final UserManagement users;

	WebhooksController(WebhookManagement webhooks, UserManagement users) {
		this.webhooks = webhooks;
		this.users = users;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		page(actor, model, "", List.of());
		return "webhooks";
	}

	@GetMapping("/new")
	String addDialog(@AuthenticationPrincipal Actor actor, Model model) {
		page(actor, model, "", List.of());
		model.addAttribute("addOpen", true);
		return "webhooks";
	}

	@PostMapping
	String add(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String url,
			@RequestParam(required = false) List<String> events, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		String typed = url.strip();
		List<String> chosen = (events != null) ? events : List.of();
		try {
			CreatedWebhook created = this.webhooks.create(actor, typed, chosen);
			model.addAttribute("created", new Created(created.webhook().url(), created.secret()));
			page(actor, model, "", List.of());
		}
		catch (ProblemException ex) {
			response.setStatus(ex.type().status());
			model.addAttribute("addError", ex.getMessage());
			model.addAttribute("addOpen", true);
			page(actor, model, typed, chosen);
		}
		return "webhooks";
	}

	@GetMapping("/{id}")
	String deliveries(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		Webhook webhook = this.webhooks.get(actor, id);
		model.addAttribute("webhook", WebhookRow.of(webhook, webhook.createdBy()));
		model.addAttribute("deliveries",
				this.webhooks.deliveries(actor, id, WebhookManagement.MAX_DELIVERIES)
					.stream()
					.map(DeliveryRow::of)
					.toList());
		return "webhook-deliveries";
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		model.addAttribute("confirmation", WebhookRow.delete(this.webhooks.get(actor, id)));
		return "confirm";
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, WebhookRow.LIST, () -> "Webhook “" + this.webhooks.delete(actor, id).name()
				+ "” is deleted. Nothing more is sent to it.");
	}

	private void page(Actor actor, Model model, String typedUrl, List<String> chosenEvents) {
		// webhooks remember who created them by user id; the table shows the username
		Map<String, String> usernames = this.users.list(actor, actor.requireOrganisationId())
			.stream()
			.collect(Collectors.toMap((user) -> user.id().toString(), User::username));
		model.addAttribute("rows", this.webhooks.list(actor)
			.stream()
			.map((webhook) -> WebhookRow.of(webhook, usernames.getOrDefault(webhook.createdBy(), webhook.createdBy())))
			.toList());
		model.addAttribute("url", typedUrl);
		model.addAttribute("allEvents", WebhookEvents.ALL);
		model.addAttribute("chosenEvents", chosenEvents);
	}

	/** The webhook just created, for the one response that shows its signing secret. */
	record Created(String url, String secret) {

		@Override
		public String toString() {
			return "Created[" + this.url + "]";
		}

	}

}
