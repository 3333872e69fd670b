package dev.latchkey.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.system.Actor;
import dev.latchkey.system.InvalidRequest;
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
 * {@link OrganisationPolicies}; a refused value is shown next to its field (or above the
 * form when no one field is at fault) with what was typed kept. License seats are shown
 * but set by the operator.
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
			String field = (ex instanceof InvalidRequest invalid) ? invalid.parameter() : null;
			if (field != null) {
				model.addAttribute("fieldErrors", Map.of(field, plain(ex.getMessage())));
				model.addAttribute("error", "The settings were not saved; see the field marked below.");
			}
			else {
				model.addAttribute("error", plain(ex.getMessage()));
			}
			model.addAttribute("form", (form != null) ? form : PoliciesForm.of(organisation.policies()));
			return page(organisation, model);
		}
	}

	private static String page(Organisation organisation, Model model) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("limits",
				new Limits(OrganisationPolicies.MAX_TOKENS_PER_LICENSE_LIMIT,
						OrganisationPolicies.MAX_LIFETIME_DAYS_LIMIT, OrganisationPolicies.MAX_UNUSED_DAYS_LIMIT,
						OrganisationPolicies.MAX_REMINDER_DAYS_LIMIT, OrganisationPolicies.MAX_REMINDERS));
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "settings";
	}

	/** The policy's messages name JSON fields; the page names its labels. */
	private static String plain(@Nullable String message) {
		return (message == null) ? "The settings were not saved."
				: message.replace("'maxTokensPerLicense'", "“Tokens per license”")
					.replace("'defaultTokenLifetimeDays'", "“Default lifetime”")
					.replace("'maxTokenLifetimeDays'", "“Maximum lifetime”")
					.replace(
							"'revokeTokensUnusedForDays' must be between 1 and "
									+ OrganisationPolicies.MAX_UNUSED_DAYS_LIMIT + ", or null to keep unused tokens.",
							"“Revoke unused tokens after” must be between 1 and "
									+ OrganisationPolicies.MAX_UNUSED_DAYS_LIMIT + ", or empty to keep unused tokens.")
					.replace("'expiryReminderDays'", "“Expiry reminders”");
	}

	record Limits(int maxTokensPerLicense, int maxLifetimeDays, int maxUnusedDays, int maxReminderDays,
			int maxReminders) {

	}

	/**
	 * The form's fields; numbers arrive as text and may be anything. An empty "revoke
	 * unused tokens after" turns that off; the reminders are whole days separated by
	 * commas or spaces, none to turn them off.
	 */
	record PoliciesForm(@Nullable Integer maxTokensPerLicense, @Nullable Integer defaultTokenLifetimeDays,
			@Nullable Integer maxTokenLifetimeDays, @Nullable Boolean revokeTokensOnLogout,
			@Nullable Integer revokeTokensUnusedForDays, @Nullable String expiryReminderDays) {

		private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

		static PoliciesForm of(OrganisationPolicies policies) {
			return new PoliciesForm(policies.maxTokensPerLicense(), policies.defaultTokenLifetimeDays(),
					policies.maxTokenLifetimeDays(), policies.revokeTokensOnLogout(),
					policies.revokeTokensUnusedForDays(),
					policies.expiryReminderDays().stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}

		/** The reminder days as typed; absent (not sent at all) means the default. */
		List<Integer> reminderDays() {
			if (this.expiryReminderDays == null) {
				return OrganisationPolicies.DEFAULT_EXPIRY_REMINDER_DAYS;
			}
			String typed = this.expiryReminderDays.strip();
			if (typed.isEmpty()) {
				return List.of();
			}
			List<Integer> days = new ArrayList<>();
			for (String entry : SEPARATORS.split(typed)) {
				if (!entry.matches("[0-9]{1,3}")) {
					throw InvalidRequest.parameter("expiryReminderDays",
							"“Expiry reminders” are whole days separated by commas, e.g. 7, 1.");
				}
				days.add(Integer.valueOf(entry));
			}
			return days;
		}

		boolean isComplete() {
			return this.maxTokensPerLicense != null && this.defaultTokenLifetimeDays != null
					&& this.maxTokenLifetimeDays != null;
		}

		@SuppressWarnings("NullAway")
		OrganisationPolicies toPolicies() {
			return new OrganisationPolicies(this.maxTokensPerLicense, this.defaultTokenLifetimeDays,
					this.maxTokenLifetimeDays, Boolean.TRUE.equals(this.revokeTokensOnLogout),
					this.revokeTokensUnusedForDays, reminderDays());
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
