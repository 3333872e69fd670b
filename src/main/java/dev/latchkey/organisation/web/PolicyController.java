package dev.latchkey.organisation.web;

import java.util.List;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.OrganisationId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's policies (SPEC §3). License seats are shown but set by the operator.
 */
@RestController
@RequestMapping("/api/v1/organisation/policies")
class PolicyController {

	private final OrganisationManagement organisations;

	PolicyController(OrganisationManagement organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	PoliciesResponse get(@AuthenticationPrincipal Actor actor) {
		return PoliciesResponse.of(this.organisations.get(actor, organisationOf(actor)));
	}

	@PutMapping
	PoliciesResponse put(@AuthenticationPrincipal Actor actor, @Valid @RequestBody PoliciesRequest request) {
		OrganisationPolicies policies = new OrganisationPolicies(request.maxTokensPerLicense(),
				request.defaultTokenLifetimeDays(), request.maxTokenLifetimeDays(), request.revokeTokensOnLogout(),
				request.revokeTokensUnusedForDays(), (request.expiryReminderDays() != null)
						? request.expiryReminderDays() : OrganisationPolicies.DEFAULT_EXPIRY_REMINDER_DAYS);
		return PoliciesResponse.of(this.organisations.changePolicies(actor, organisationOf(actor), policies));
	}

	private static OrganisationId organisationOf(Actor actor) {
		if (actor.organisationId() == null) {
			throw new Forbidden("Only organisation administrators manage policies.");
		}
		return actor.organisationId();
	}

	/**
	 * All policies at once. The lifecycle policies of SPEC §9 may be left out: then they
	 * take their defaults (unused tokens kept, reminders 7 and 1 days before expiry).
	 */
	record PoliciesRequest(@NotNull Integer maxTokensPerLicense, @NotNull Integer defaultTokenLifetimeDays,
			@NotNull Integer maxTokenLifetimeDays, @NotNull Boolean revokeTokensOnLogout,
			@Nullable Integer revokeTokensUnusedForDays, @Nullable List<Integer> expiryReminderDays) {

	}

	record PoliciesResponse(String organisation, int maxTokensPerLicense, int defaultTokenLifetimeDays,
			int maxTokenLifetimeDays, boolean revokeTokensOnLogout, @Nullable Integer revokeTokensUnusedForDays,
			List<Integer> expiryReminderDays, int licenseSeats) {

		static PoliciesResponse of(Organisation organisation) {
			OrganisationPolicies policies = organisation.policies();
			return new PoliciesResponse(organisation.name(), policies.maxTokensPerLicense(),
					policies.defaultTokenLifetimeDays(), policies.maxTokenLifetimeDays(),
					policies.revokeTokensOnLogout(), policies.revokeTokensUnusedForDays(),
					policies.expiryReminderDays(), organisation.licenseSeats());
		}

	}

}
