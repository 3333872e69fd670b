package dev.latchkey.console;

import java.util.List;

import dev.latchkey.system.Actor;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.ProblemException;
import dev.latchkey.token.ScopeDefinition;
import dev.latchkey.token.ScopeManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

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
 * Admin → Scopes (SPEC §8): the scopes the organisation's tokens can hold, the built-in
 * ones and its own; a form to define one and Delete for those of its own that no token
 * holds. The token module decides; this page shows its answers in words.
 */
@Controller
@RequestMapping(ScopesController.LIST)
class ScopesController {

	static final String LIST = "/admin/scopes";

	private final ScopeManagement scopes;

	ScopesController(ScopeManagement scopes) {
		this.scopes = scopes;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		page(actor, model, "", "");
		return "scopes";
	}

	@PostMapping
	String define(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		String typedName = name.strip();
		try {
			ScopeDefinition defined = this.scopes.define(actor, typedName, description.isBlank() ? null : description);
			redirect.addFlashAttribute("notice", "Scope '" + defined.name()
					+ "' is defined. Tokens can now be given it, and your APIs can ask for it.");
			return "redirect:" + LIST;
		}
		catch (ProblemException ex) {
			response.setStatus(ex.type().status());
			model.addAttribute("defineError", ex.getMessage());
			page(actor, model, typedName, description);
			return "scopes";
		}
	}

	@GetMapping("/{name}/delete")
	String confirmDelete(@AuthenticationPrincipal Actor actor, @PathVariable String name, Model model) {
		ScopeRow row = find(actor, name);
		if (row.deletion() == null) {
			throw new NotFound("scope");
		}
		model.addAttribute("confirmation", row.deletion());
		return "confirm";
	}

	@PostMapping("/{name}/delete")
	String delete(@AuthenticationPrincipal Actor actor, @PathVariable String name, RedirectAttributes redirect) {
		return RowActions.perform(redirect, LIST, () -> {
			this.scopes.remove(actor, name);
			return "Scope '" + name + "' is deleted.";
		});
	}

	private ScopeRow find(Actor actor, String name) {
		return this.scopes.list(actor)
			.stream()
			.filter((scope) -> scope.name().equals(name))
			.map(ScopeRow::of)
			.findFirst()
			.orElseThrow(() -> new NotFound("scope"));
	}

	private void page(Actor actor, Model model, String typedName, String typedDescription) {
		List<ScopeRow> rows = this.scopes.list(actor).stream().map(ScopeRow::of).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("ownScopes", rows.stream().filter((row) -> !row.builtIn()).count());
		model.addAttribute("maxScopes", ScopeManagement.MAX_PER_ORGANISATION);
		model.addAttribute("name", typedName);
		model.addAttribute("description", typedDescription);
	}

	/**
	 * One row of the Scopes table.
	 *
	 * @param deletion the question Delete asks; {@code null} for a built-in scope, which
	 * cannot be deleted
	 */
	record ScopeRow(String name, @Nullable String description, boolean builtIn, @Nullable Confirmation deletion) {

		static ScopeRow of(ScopeDefinition scope) {
			Confirmation deletion = scope.builtIn() ? null
					: Confirmation.of(LIST + "/" + scope.name(), "delete", "Delete",
							"Delete scope “" + scope.name() + "”?",
							"Tokens can no longer be given this scope. Deleting is refused while any token holds it, "
									+ "revoked ones included, since they can come back.",
							true, LIST);
			return new ScopeRow(scope.name(), scope.description(), scope.builtIn(), deletion);
		}

	}

}
