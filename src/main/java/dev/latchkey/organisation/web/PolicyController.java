package dev.latchkey.organisation.web;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.OrganisationId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

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
				request.defaultTokenLifetimeDays(), request.maxTokenLifetimeDays(), request.revokeTokensOnLogout());
		return PoliciesResponse.of(this.organisations.changePolicies(actor, organisationOf(actor), policies));
	}

	private static OrganisationId organisationOf(Actor actor) {
		if (actor.organisationId() == null) {
			throw new Forbidden("Only organisation administrators manage policies.");
		}
		return actor.organisationId();
	}

	record PoliciesRequest(@NotNull Integer maxTokensPerLicense, @NotNull Integer defaultTokenLifetimeDays,
			@NotNull Integer maxTokenLifetimeDays, @NotNull Boolean revokeTokensOnLogout) {

	}

	record PoliciesResponse(String organisation, int maxTokensPerLicense, int defaultTokenLifetimeDays,
			int maxTokenLifetimeDays, boolean revokeTokensOnLogout, int licenseSeats) {

		static PoliciesResponse of(Organisation organisation) {
			OrganisationPolicies policies = organisation.policies();
			return new PoliciesResponse(organisation.name(), policies.maxTokensPerLicense(),
					policies.defaultTokenLifetimeDays(), policies.maxTokenLifetimeDays(),
					policies.revokeTokensOnLogout(), organisation.licenseSeats());
		}

	}

}
