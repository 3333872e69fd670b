package dev.latchkey.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.Actor;
import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Users: the organisation's users with their role, status, license and token
 * count against the limit; create, change role, deactivate / reactivate, license on/off.
 */
@Controller
@RequestMapping("/admin/users")
class UsersController {

	private final UserManagement users;

	private final TokenManagement tokens;

	private final OrganisationManagement organisations;

	private final Clock clock;

	UsersController(UserManagement users, TokenManagement tokens, OrganisationManagement organisations, Clock clock) {
		this.users = users;
		this.tokens = tokens;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		page(actor, model, NewUserForm.EMPTY);
		return "users";
	}

	@GetMapping("/new")
	String createDialog(@AuthenticationPrincipal Actor actor, Model model) {
		page(actor, model, NewUserForm.EMPTY);
		model.addAttribute("createOpen", true);
		return "users";
	}

	@PostMapping
	String create(@AuthenticationPrincipal Actor actor, NewUserForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			User user = this.users.create(actor, actor.requireOrganisationId(), form.toNewUser());
			redirect.addFlashAttribute("notice", "User '" + user.username() + "' is created.");
			return "redirect:" + UserRow.LIST;
		}
		catch (ProblemException ex) {
			response.setStatus(ex.type().status());
			model.addAttribute("createError", ex.getMessage());
			model.addAttribute("createOpen", true);
			page(actor, model, form.withoutPassword());
			return "users";
		}
	}

	@PostMapping("/{id}/role")
	String changeRole(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String role,
			RedirectAttributes redirect) {
		return RowActions.perform(redirect, UserRow.LIST, () -> {
			User user = this.users.changeRole(actor, UserId.parse(id), parseRole(role));
			return "'" + user.username() + "' is now " + roleName(user.role()) + ".";
		});
	}

	@GetMapping("/{id}/{action:deactivate|reactivate|license-grant|license-remove}")
	String confirm(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String action,
			Model model) {
		User user = this.users.get(actor, UserId.parse(id));
		model.addAttribute("confirmation",
				UserRow.actions(user)
					.stream()
					.filter((c) -> c.name().equals(action))
					.findFirst()
					.orElseThrow(() -> new NotFound("user")));
		return "confirm";
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, UserRow.LIST,
				() -> "'" + this.users.deactivate(actor, UserId.parse(id)).username()
						+ "' is deactivated; their sessions and API tokens no longer work.");
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, UserRow.LIST,
				() -> "'" + this.users.reactivate(actor, UserId.parse(id)).username() + "' is active again.");
	}

	@PostMapping("/{id}/license-grant")
	String grantLicense(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, UserRow.LIST, () -> "'"
				+ this.users.setLicensed(actor, UserId.parse(id), true).username() + "' holds a license now.");
	}

	@PostMapping("/{id}/license-remove")
	String removeLicense(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, UserRow.LIST,
				() -> "The license of '" + this.users.setLicensed(actor, UserId.parse(id), false).username()
						+ "' is removed; their API tokens are revoked.");
	}

	private void page(Actor actor, Model model, NewUserForm form) {
		Instant now = this.clock.instant();
		Organisation organisation = this.organisations.get(actor, actor.requireOrganisationId());
		int limit = organisation.policies().maxTokensPerLicense();
		Map<UserId, Long> held = this.tokens.listOrganisation(actor)
			.stream()
			.filter((view) -> view.token().countsTowardLimit(now))
			.collect(Collectors.groupingBy((view) -> view.token().ownerId(), Collectors.counting()));
		List<User> all = this.users.list(actor, actor.requireOrganisationId());
		model.addAttribute("rows",
				all.stream()
					.map((u) -> UserRow.of(u, held.getOrDefault(u.id(), 0L), limit, actor.is(u.id())))
					.toList());
		model.addAttribute("seatsUsed", all.stream().filter(User::licensed).count());
		model.addAttribute("seats", organisation.licenseSeats());
		model.addAttribute("roles", Role.values());
		model.addAttribute("form", form);
	}

	private static Role parseRole(String role) {
		try {
			return Role.valueOf(role);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequest("Choose a role: ORG_ADMIN or USER.");
		}
	}

	private static String roleName(Role role) {
		return (role == Role.ORG_ADMIN) ? "an org admin" : "a general user";
	}

	/** The create-user dialog's fields; the password is never sent back to the page. */
	record NewUserForm(@Nullable String username, @Nullable String displayName, @Nullable String email,
			@Nullable String password, @Nullable String role, @Nullable Boolean licensed) {

		static final NewUserForm EMPTY = new NewUserForm("", "", "", null, "USER", true);

		NewUser toNewUser() {
			return new NewUser(text(this.username), (this.password != null) ? this.password : "",
					parseRole((this.role != null) ? this.role : ""), Boolean.TRUE.equals(this.licensed),
					blankToNull(this.email), blankToNull(this.displayName));
		}

		NewUserForm withoutPassword() {
			return new NewUserForm(this.username, this.displayName, this.email, null, this.role, this.licensed);
		}

		private static String text(@Nullable String value) {
			return (value != null) ? value.strip() : "";
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		@Override
		public String toString() {
			return "NewUserForm[username=" + this.username + "]";
		}

	}

}
