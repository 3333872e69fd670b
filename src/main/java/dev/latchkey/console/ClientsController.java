package dev.latchkey.console;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.latchkey.client.ClientManagement;
import dev.latchkey.client.RegisteredClient;
import dev.latchkey.client.ResourceClient;
import dev.latchkey.system.Actor;
import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.ProblemException;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
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
 * Admin → API Clients: the resource servers registered by the organisation, the register
 * dialog and disable / enable. Like a new token's, a new client's secret is rendered into
 * the response to the register POST only, never cached, and never put in a URL, a
 * redirect or a flash attribute.
 */
@Controller
@RequestMapping(ClientRow.LIST)
class ClientsController {

	private final ClientManagement clients;

	private final UserManagement users;

	ClientsController(ClientManagement clients, UserManagement users) {
		this.clients = clients;
		this.users = users;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		page(actor, model, "");
		return "clients";
	}

	@GetMapping("/new")
	String registerDialog(@AuthenticationPrincipal Actor actor, Model model) {
		page(actor, model, "");
		model.addAttribute("registerOpen", true);
		return "clients";
	}

	@PostMapping
	String register(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String name, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		String typed = name.strip();
		try {
			if (typed.isEmpty()) {
				throw new InvalidRequest("Give the client a name, for example the name of the API it protects.");
			}
			RegisteredClient registered = this.clients.register(actor, typed);
			model.addAttribute("registered",
					new Registered(registered.client().name(), registered.client().clientId(), registered.secret()));
			page(actor, model, "");
		}
		catch (ProblemException ex) {
			response.setStatus(ex.type().status());
			model.addAttribute("registerError", ex.getMessage());
			model.addAttribute("registerOpen", true);
			page(actor, model, typed);
		}
		return "clients";
	}

	@GetMapping("/{id}/{action:disable|enable}")
	String confirm(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String action,
			Model model) {
		Confirmation confirmation = ClientRow.action(this.clients.get(actor, id));
		if (!confirmation.name().equals(action)) {
			// already in the asked-for state: the list says so
			return "redirect:" + ClientRow.LIST;
		}
		model.addAttribute("confirmation", confirmation);
		return "confirm";
	}

	@PostMapping("/{id}/disable")
	String disable(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, ClientRow.LIST,
				() -> "Client '" + this.clients.setEnabled(actor, id, false).name()
						+ "' is disabled. Its introspection and revocation calls fail from now on.");
	}

	@PostMapping("/{id}/enable")
	String enable(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, ClientRow.LIST,
				() -> "Client '" + this.clients.setEnabled(actor, id, true).name() + "' is enabled again.");
	}

	private void page(Actor actor, Model model, String typedName) {
		// clients remember who registered them by user id; the table shows the username
		Map<String, String> usernames = this.users.list(actor, actor.requireOrganisationId())
			.stream()
			.collect(Collectors.toMap((user) -> user.id().toString(), User::username));
		List<ResourceClient> all = this.clients.list(actor);
		model.addAttribute("rows", all.stream()
			.map((client) -> ClientRow.of(client, usernames.getOrDefault(client.createdBy(), client.createdBy())))
			.toList());
		model.addAttribute("name", typedName);
	}

	/** The client just registered, for the one response that shows its secret. */
	record Registered(String name, String clientId, String secret) {

		@Override
		public String toString() {
			return "Registered[" + this.clientId + "]";
		}

	}

}
