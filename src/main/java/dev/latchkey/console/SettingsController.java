package dev.latchkey.console;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.system.Actor;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Settings: the organisation's policies (SPEC §3). The rules are those of
 * {@link OrganisationPolicies}; a refused value is shown next to the form with what was
 * typed kept. License seats are shown but set by the operator.
 */
@Controller
@RequestMapping("/admin/settings")
class SettingsController {

	private final OrganisationManagement organisations;

	SettingsController(OrganisationManagement organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	String show(@AuthenticationPrincipal Actor actor, Model model) {
		Organisation organisation = this.organisations.get(actor, actor.requireOrganisationId());
		model.addAttribute("form", PoliciesForm.of(organisation.policies()));
		return page(organisation, model);
	}

	@PostMapping
	String save(@AuthenticationPrincipal Actor actor, @Nullable PoliciesForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Organisation organisation = this.organisations.get(actor, actor.requireOrganisationId());
		try {
			if (form == null || binding.hasErrors() || !form.isComplete()) {
				throw new NotANumber();
			}
			this.organisations.changePolicies(actor, organisation.id(), form.toPolicies());
			redirect.addFlashAttribute("notice", "Settings saved.");
			return "redirect:/admin/settings";
		}
		catch (ProblemException ex) {
			response.setStatus(400);
			model.addAttribute("error", plain(ex.getMessage()));
			model.addAttribute("form", (form != null) ? form : PoliciesForm.of(organisation.policies()));
			return page(organisation, model);
		}
	}

	private static String page(Organisation organisation, Model model) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("limits", new Limits(OrganisationPolicies.MAX_TOKENS_PER_LICENSE_LIMIT,
				OrganisationPolicies.MAX_LIFETIME_DAYS_LIMIT));
		return "settings";
	}

	/** The policy's messages name JSON fields; the page names its labels. */
	private static String plain(@Nullable String message) {
		return (message == null) ? "The settings were not saved."
				: message.replace("'maxTokensPerLicense'", "“Tokens per license”")
					.replace("'defaultTokenLifetimeDays'", "“Default lifetime”")
					.replace("'maxTokenLifetimeDays'", "“Maximum lifetime”");
	}

	record Limits(int maxTokensPerLicense, int maxLifetimeDays) {

	}

	/** The form's fields; numbers arrive as text and may be anything. */
	record PoliciesForm(@Nullable Integer maxTokensPerLicense, @Nullable Integer defaultTokenLifetimeDays,
			@Nullable Integer maxTokenLifetimeDays, @Nullable Boolean revokeTokensOnLogout) {

		static PoliciesForm of(OrganisationPolicies policies) {
			return new PoliciesForm(policies.maxTokensPerLicense(), policies.defaultTokenLifetimeDays(),
					policies.maxTokenLifetimeDays(), policies.revokeTokensOnLogout());
		}

		boolean isComplete() {
			return this.maxTokensPerLicense != null && this.defaultTokenLifetimeDays != null
					&& this.maxTokenLifetimeDays != null;
		}

		@SuppressWarnings("NullAway")
		OrganisationPolicies toPolicies() {
			return new OrganisationPolicies(this.maxTokensPerLicense, this.defaultTokenLifetimeDays,
					this.maxTokenLifetimeDays, Boolean.TRUE.equals(this.revokeTokensOnLogout));
		}

	}

	/** A field left empty or not a whole number. */
	static final class NotANumber extends ProblemException {

		NotANumber() {
			super(new ProblemType("invalid-field", 400, "Invalid field value"),
					"Every number must be filled in with a whole number.");
		}

	}

}
