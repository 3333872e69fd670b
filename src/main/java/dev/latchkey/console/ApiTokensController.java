package dev.latchkey.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.system.Actor;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.UserId;
import dev.latchkey.token.ApiToken;
import dev.latchkey.token.IssuedToken;
import dev.latchkey.token.NewToken;
import dev.latchkey.token.Scope;
import dev.latchkey.token.ScopeDefinition;
import dev.latchkey.token.ScopeManagement;
import dev.latchkey.token.TokenChanges;
import dev.latchkey.token.TokenId;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.token.TokenScopes;
import dev.latchkey.token.TokenStatus;
import dev.latchkey.token.TokenView;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
 * Admin → API Tokens: the organisation's tokens, the create dialog, the row actions and
 * the edit page (scopes narrowed, allowlist changed). The secret of a new token is
 * rendered into the response to the create POST only, never cached, and never put in a
 * URL, a redirect or a flash attribute.
 */
@Controller
@RequestMapping("/admin/api-tokens")
class ApiTokensController {

	private final TokenManagement tokens;

	private final UserManagement users;

	private final OrganisationManagement organisations;

	private final ScopeManagement scopes;

	private final Clock clock;

	ApiTokensController(TokenManagement tokens, UserManagement users, OrganisationManagement organisations,
			ScopeManagement scopes, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.organisations = organisations;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam @Nullable String owner,
			@RequestParam @Nullable String status, Model model) {
		page(actor, owner, status, model);
		model.addAttribute("form", CreateTokenForm.EMPTY);
		return "api-tokens";
	}

	@GetMapping("/new")
	String createDialog(@AuthenticationPrincipal Actor actor, Model model) {
		page(actor, null, null, model);
		model.addAttribute("form", CreateTokenForm.EMPTY);
		model.addAttribute("createOpen", true);
		return "api-tokens";
	}

	@PostMapping
	String create(@AuthenticationPrincipal Actor actor, @Nullable CreateTokenForm submitted, BindingResult binding,
			Model model, HttpServletResponse response) {
		CreateTokenForm form = (submitted != null) ? submitted : CreateTokenForm.EMPTY;
		noStore(response);
		try {
			model.addAttribute("issued", Issued.created(this.tokens.create(actor, form.toNewToken())));
			model.addAttribute("form", CreateTokenForm.EMPTY);
		}
		catch (ProblemException ex) {
			response.setStatus(ex.type().status());
			model.addAttribute("refusal", TokenAccess.Refusal.of(ex));
			model.addAttribute("createOpen", true);
			model.addAttribute("form", form);
		}
		page(actor, null, null, model);
		return "api-tokens";
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		TokenView view = this.tokens.get(actor, TokenId.parse(id));
		editPage(actor, view, view.token().scopes().names(),
				TokenAccess.text(view.token().allowedAddresses().entries()), model);
		return "token-edit";
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal Actor actor, @PathVariable String id, EditTokenForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		TokenView view = this.tokens.get(actor, TokenId.parse(id));
		try {
			TokenView updated = this.tokens.update(actor, view.token().id(), form.toChanges());
			redirect.addFlashAttribute("notice",
					"Token '" + updated.token().name() + "' now has the scopes "
							+ String.join(", ", updated.token().scopes().names()) + " and may be used from "
							+ updated.token().allowedAddresses() + ".");
			return "redirect:" + TokenRow.LIST;
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (ProblemException ex) {
			response.setStatus(ex.type().status());
			model.addAttribute("refusal", TokenAccess.Refusal.of(ex));
			editPage(actor, view, TokenAccess.ticked(form.scopes()),
					(form.allowedIps() != null) ? form.allowedIps() : "", model);
			return "token-edit";
		}
	}

	/**
	 * The edit page: only the scopes the token's current ones grant are offered, so a
	 * token can be narrowed but never widened from here.
	 */
	private void editPage(Actor actor, TokenView view, List<String> checked, String allowedIps, Model model) {
		TokenScopes current = view.token().scopes();
		List<ScopeDefinition> offered = this.scopes.list(actor)
			.stream()
			.filter((scope) -> current.mayNarrowTo(scope.scope()))
			.toList();
		model.addAttribute("token", TokenRow.of(view, this.clock.instant()));
		model.addAttribute("scopeChoices", ScopeChoice.of(offered, checked));
		model.addAttribute("allowedIps", allowedIps);
		model.addAttribute("narrowable", current.holds(Scope.API) || current.scopes().size() > 1);
	}

	@GetMapping("/{id}/{action:rotate|revoke|reapprove|delete}")
	String confirm(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String action,
			Model model) {
		TokenView view = this.tokens.get(actor, TokenId.parse(id));
		Confirmation confirmation = TokenRow.of(view, this.clock.instant())
			.actions()
			.stream()
			.filter((c) -> c.name().equals(action))
			.findFirst()
			.orElseThrow(() -> new NotFound("token"));
		model.addAttribute("confirmation", confirmation);
		return "confirm";
	}

	/**
	 * SPEC §9: a new secret for an active token, shown once in the same dialog as after
	 * create, in this response only. A refusal (the token is no longer active, or was
	 * revoked meanwhile) goes back to the list as a message, nothing changed.
	 */
	@PostMapping("/{id}/rotate")
	String rotate(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(name = OverlapChoice.FIELD, required = false) @Nullable String overlapHours, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		TokenView view = this.tokens.get(actor, TokenId.parse(id));
		String name = view.token().name().value();
		noStore(response);
		try {
			IssuedToken issued = this.tokens.rotate(actor, view.token().id(), OverlapChoice.hours(overlapHours));
			model.addAttribute("issued", Issued.rotated(issued));
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("error", OverlapChoice.refusal(name, ex));
			return "redirect:" + TokenRow.LIST;
		}
		model.addAttribute("form", CreateTokenForm.EMPTY);
		page(actor, null, null, model);
		return "api-tokens";
	}

	/**
	 * A page that shows a secret: kept by no cache, neither the browser's nor a proxy's.
	 */
	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, TokenRow.LIST, () -> {
			TokenView view = this.tokens.revoke(actor, TokenId.parse(id));
			return "Token '" + view.token().name() + "' is revoked. It no longer authenticates.";
		});
	}

	@PostMapping("/{id}/reapprove")
	String reapprove(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, TokenRow.LIST, () -> {
			TokenView view = this.tokens.reapprove(actor, TokenId.parse(id));
			return "Token '" + view.token().name() + "' is re-approved. It authenticates again with the same secret.";
		});
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		return RowActions.perform(redirect, TokenRow.LIST, () -> {
			TokenView view = this.tokens.get(actor, TokenId.parse(id));
			this.tokens.delete(actor, view.token().id());
			return "Token '" + view.token().name() + "' is deleted.";
		});
	}

	private void page(Actor actor, @Nullable String owner, @Nullable String status, Model model) {
		Instant now = this.clock.instant();
		TokenStatus statusFilter = parseStatus(status);
		UserId ownerFilter = (owner != null && !owner.isBlank()) ? UserId.parse(owner) : null;
		List<TokenView> views = (ownerFilter != null) ? this.tokens.listOwnedBy(actor, ownerFilter)
				: this.tokens.listOrganisation(actor);
		List<TokenRow> rows = views.stream()
			.map((view) -> TokenRow.of(view, now))
			.filter((row) -> statusFilter == null || row.status() == statusFilter)
			.toList();
		OrganisationPolicies policies = this.organisations.get(actor, actor.requireOrganisationId()).policies();
		long mine = this.tokens.listOwn(actor).stream().filter((v) -> v.token().countsTowardLimit(now)).count();
		List<User> owners = this.users.list(actor, actor.requireOrganisationId());
		model.addAttribute("rows", rows);
		model.addAttribute("owners", owners);
		model.addAttribute("ownerFilter", (ownerFilter != null) ? ownerFilter.toString() : "");
		model.addAttribute("statusFilter", (statusFilter != null) ? statusFilter.name() : "");
		model.addAttribute("statuses", TokenStatus.values());
		model.addAttribute("filtered", ownerFilter != null || statusFilter != null);
		model.addAttribute("policies", policies);
		model.addAttribute("held", mine);
		CreateTokenForm form = (model.getAttribute("form") instanceof CreateTokenForm typed) ? typed
				: CreateTokenForm.EMPTY;
		model.addAttribute("lifetimes", LifetimeChoice.of(policies, form.lifetimeDays()));
		model.addAttribute("scopeChoices", ScopeChoice.of(this.scopes.list(actor), form.checkedScopes()));
	}

	private static @Nullable TokenStatus parseStatus(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return TokenStatus.valueOf(status.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The secret of a token just created or rotated, for the one response that shows it,
	 * in the one dialog that shows secrets.
	 *
	 * @param title the dialog's heading
	 * @param outcome what happened to the token, after its name: "is ready"
	 * @param oldSecret what becomes of the replaced secret; {@code null} after create
	 */
	record Issued(String title, String name, String outcome, String secret, String expires,
			@Nullable String oldSecret) {

		static Issued created(IssuedToken issued) {
			ApiToken token = issued.view().token();
			return new Issued("Token created", token.name().value(), "is ready", issued.secret().reveal(),
					Texts.dateTime(token.expiresAt()), null);
		}

		static Issued rotated(IssuedToken issued) {
			ApiToken token = issued.view().token();
			Instant until = token.previousValidUntil();
			String oldSecret = (until != null)
					? "The old secret keeps working until " + Texts.dateTime(until) + ", then it fails."
					: "The old secret no longer works.";
			return new Issued("Token rotated", token.name().value(), "has a new secret", issued.secret().reveal(),
					Texts.dateTime(token.expiresAt()), oldSecret);
		}

		@Override
		public String toString() {
			return "Issued[" + this.name + "]";
		}

	}

	/**
	 * The create dialog's fields. {@code scopes} is {@code null} when the request names
	 * none (the token gets {@code api}); the dialog always sends it.
	 */
	record CreateTokenForm(@Nullable String name, @Nullable String description, @Nullable Integer lifetimeDays,
			@Nullable List<String> scopes, @Nullable String allowedIps) {

		static final CreateTokenForm EMPTY = new CreateTokenForm("", "", null, null, "");

		NewToken toNewToken() {
			String text = (this.description != null && !this.description.isBlank()) ? this.description.strip() : null;
			List<String> ticked = null;
			if (this.scopes != null) {
				ticked = TokenAccess.ticked(this.scopes);
				if (ticked.isEmpty()) {
					throw new TokenAccess.NoScopeTicked();
				}
			}
			List<String> entries = TokenAccess.lines(this.allowedIps);
			return new NewToken((this.name != null) ? this.name.strip() : "", text, this.lifetimeDays, null, ticked,
					entries.isEmpty() ? null : entries);
		}

		/** The boxes ticked: {@code api} in a new dialog, else what was sent. */
		List<String> checkedScopes() {
			return (this.scopes != null) ? TokenAccess.ticked(this.scopes) : TokenScopes.DEFAULT.names();
		}

	}

	/** The edit page's fields: the scopes ticked and the allowlist, one entry a line. */
	record EditTokenForm(@Nullable List<String> scopes, @Nullable String allowedIps) {

		TokenChanges toChanges() {
			List<String> ticked = TokenAccess.ticked(this.scopes);
			if (ticked.isEmpty()) {
				throw new TokenAccess.NoScopeTicked();
			}
			return TokenChanges.of(null, null, ticked, TokenAccess.lines(this.allowedIps));
		}

	}

}
