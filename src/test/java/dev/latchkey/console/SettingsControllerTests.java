package dev.latchkey.console;

import java.util.List;

import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.latchkey.console.ConsolePageTest.Sessions.organisationOf;
import static dev.latchkey.console.ConsolePageTest.Sessions.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Admin → Settings in a web slice behind the console's filter chain, one test per status
 * the page answers. The policies' bounds are tested in OrganisationPoliciesUnitTests.
 */
@ConsolePageTest(SettingsController.class)
class SettingsControllerTests {

	private final User admin = TestUsers.admin();

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganisationManagement organisations;

	@BeforeEach
	void theOrganisationExists() {
		given(this.organisations.get(any(), any())).willReturn(organisationOf(this.admin));
	}

	@Test
	void theSettingsAnswer200ToAnAdmin() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/settings").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("settings"));
	}

	@Test
	void theSettingsRedirectAnAnonymousVisitorToSignIn() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/settings")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theSettingsAreForbiddenToAGeneralUser() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/settings").with(signedIn(TestUsers.user())))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/forbidden"));
	}

	@Test
	void savingRedirectsBackWithANotice() throws Exception {
		// when
		this.mvc.perform(settings("5", "30", "90").with(asAdmin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/settings"))
			.andExpect(flash().attribute("notice", "Settings saved."));

		// then
		then(this.organisations).should()
			.changePolicies(any(), eq(this.admin.organisationId()), eq(new OrganisationPolicies(5, 30, 90, false)));
	}

	@Test
	void aNumberLeftEmptyAnswers400KeepingWhatWasTyped() throws Exception {
		// when
		this.mvc.perform(settings("5", "", "90").with(asAdmin()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("settings"))
			.andExpect(model().attribute("error", containsString("whole number")));

		// then
		then(this.organisations).should(never()).changePolicies(any(), any(), any());
	}

	@Test
	void theLifecyclePoliciesAreSavedFromTheirFields() throws Exception {
		// when
		this.mvc
			.perform(settings("5", "30", "90").param("revokeTokensUnusedForDays", "60")
				.param("expiryReminderDays", "1, 14 7")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/settings"));

		// then
		then(this.organisations).should()
			.changePolicies(any(), eq(this.admin.organisationId()),
					eq(new OrganisationPolicies(5, 30, 90, false, 60, List.of(14, 7, 1))));
	}

	@Test
	void emptyLifecycleFieldsTurnThePoliciesOff() throws Exception {
		// when
		this.mvc
			.perform(settings("5", "30", "90").param("revokeTokensUnusedForDays", "")
				.param("expiryReminderDays", " ")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isFound());

		// then
		then(this.organisations).should()
			.changePolicies(any(), eq(this.admin.organisationId()),
					eq(new OrganisationPolicies(5, 30, 90, false, null, List.of())));
	}

	@Test
	void aReminderDayOutOfBoundsAnswers400WithTheErrorNextToItsFieldAndWhatWasTypedKept() throws Exception {
		// when
		this.mvc
			.perform(settings("5", "30", "90").param("revokeTokensUnusedForDays", "60")
				.param("expiryReminderDays", "7, 120")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("settings"))
			.andExpect(content().string(containsString("id=\"reminder-days-error\"")))
			.andExpect(content().string(containsString("“Expiry reminders” must be between 1 and 90")))
			.andExpect(content().string(containsString("value=\"7, 120\"")))
			.andExpect(content().string(containsString("value=\"60\"")));

		// then
		then(this.organisations).should(never()).changePolicies(any(), any(), any());
	}

	@Test
	void reminderDaysThatAreNotNumbersAnswer400NextToTheirField() throws Exception {
		// when / then
		this.mvc.perform(settings("5", "30", "90").param("expiryReminderDays", "a week").with(asAdmin()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"reminder-days-error\"")))
			.andExpect(content().string(containsString("value=\"a week\"")));
		then(this.organisations).should(never()).changePolicies(any(), any(), any());
	}

	@Test
	void anUnusedDaysOutOfBoundsAnswers400WithTheErrorNextToItsField() throws Exception {
		// given
		given(this.organisations.changePolicies(any(), any(), any())).willAnswer((invocation) -> {
			throw new AssertionError("nothing may be saved");
		});

		// when / then
		this.mvc
			.perform(settings("5", "30", "90").param("revokeTokensUnusedForDays", "400").with(asAdmin()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"unused-days-error\"")))
			.andExpect(content().string(containsString("“Revoke unused tokens after” must be between 1 and 365")))
			.andExpect(content().string(containsString("value=\"400\"")));
	}

	@Test
	void savingWithoutACsrfTokenIsForbidden() throws Exception {
		// when / then
		this.mvc.perform(settings("5", "30", "90").with(asAdmin()))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/forbidden"));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder settings(
			String perLicense, String defaultDays, String maxDays) {
		return post("/admin/settings").param("maxTokensPerLicense", perLicense)
			.param("defaultTokenLifetimeDays", defaultDays)
			.param("maxTokenLifetimeDays", maxDays);
	}

	private RequestPostProcessor asAdmin() {
		return signedIn(this.admin);
	}

}
