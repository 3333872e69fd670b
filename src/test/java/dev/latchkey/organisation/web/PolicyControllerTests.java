package dev.latchkey.organisation.web;

import java.time.Instant;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.latchkey.testing.SliceRequests.admin;
import static dev.latchkey.testing.SliceRequests.as;
import static dev.latchkey.testing.SliceRequests.generalUser;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The policy endpoints in a web slice, one test per status code they answer. The
 * policies' own bounds are tested in OrganisationPoliciesUnitTests.
 */
@ApiSliceTest(PolicyController.class)
class PolicyControllerTests {

	private static final String POLICIES = """
			{"maxTokensPerLicense":5,"defaultTokenLifetimeDays":30,"maxTokenLifetimeDays":90,"revokeTokensOnLogout":false}""";

	private static final Organisation ACME = new Organisation(OrganisationId.random(), "acme", 10,
			OrganisationPolicies.DEFAULTS, Instant.parse(ApiSliceTest.NOW));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrganisationManagement organisations;

	@Test
	void readingThePoliciesAnswers200() throws Exception {
		// given
		given(this.organisations.get(any(), any())).willReturn(ACME);

		// when / then
		this.mvc.perform(get("/api/v1/organisation/policies").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organisation").value("acme"))
			.andExpect(jsonPath("$.maxTokensPerLicense").value(10))
			.andExpect(jsonPath("$.licenseSeats").value(10));
	}

	@Test
	void changingThePoliciesAnswers200WithTheNewOnes() throws Exception {
		// given
		given(this.organisations.changePolicies(any(), any(), any()))
			.willReturn(ACME.withPolicies(new OrganisationPolicies(5, 30, 90, false)));

		// when / then
		this.mvc
			.perform(put("/api/v1/organisation/policies").with(as(admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(POLICIES))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.maxTokenLifetimeDays").value(90));
	}

	@Test
	void aPolicyLeftOutAnswers400() throws Exception {
		// when / then
		this.mvc
			.perform(put("/api/v1/organisation/policies").with(as(admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"maxTokensPerLicense\":5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-field"));
	}

	@Test
	void aPolicyOutOfBoundsAnswers400() throws Exception {
		// given
		given(this.organisations.changePolicies(any(), any(), any()))
			.willThrow(new InvalidRequest("'maxTokenLifetimeDays' is at most 3650."));

		// when / then
		this.mvc
			.perform(put("/api/v1/organisation/policies").with(as(admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(POLICIES))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-request"));
	}

	@Test
	void changingThePoliciesAsAGeneralUserAnswers403() throws Exception {
		// given
		given(this.organisations.changePolicies(any(), any(), any()))
			.willThrow(new Forbidden("Only organisation administrators manage policies."));

		// when / then
		this.mvc
			.perform(put("/api/v1/organisation/policies").with(as(generalUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(POLICIES))
			.andExpect(status().isForbidden());
	}

	@Test
	void anActorWithoutAnOrganisationAnswers403() throws Exception {
		// when / then
		this.mvc.perform(get("/api/v1/organisation/policies").with(as(Actor.operator())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/forbidden"));
	}

}
