package dev.latchkey.console;

import java.util.List;

import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.NotFound;
import dev.latchkey.testing.TestProblems;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.latchkey.console.ConsolePageTest.Sessions.organisationOf;
import static dev.latchkey.console.ConsolePageTest.Sessions.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Admin → Users in a web slice behind the console's filter chain, one test per status the
 * page answers. The rules are tested in UserLifecycleIntegrationTests.
 */
@ConsolePageTest(UsersController.class)
class UsersControllerTests {

	private final User admin = TestUsers.admin();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement userManagement;

	@Autowired
	TokenManagement tokens;

	@Autowired
	OrganisationManagement organisations;

	@BeforeEach
	void theOrganisationExists() {
		given(this.organisations.get(any(), any())).willReturn(organisationOf(this.admin));
	}

	@Test
	void theListAnswers200ToAnAdmin() throws Exception {
		// given
		User colleague = TestUsers.user(this.admin.organisationId());
		given(this.userManagement.list(any(), any())).willReturn(List.of(this.admin, colleague));

		// when / then
		this.mvc.perform(get("/admin/users").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("users"))
			.andExpect(content().string(containsString(colleague.username())));
	}

	@Test
	void theListRedirectsAnAnonymousVisitorToSignIn() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theListIsForbiddenToAGeneralUser() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/users").with(signedIn(TestUsers.user())))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/forbidden"));
	}

	@Test
	void creatingAUserRedirectsToTheListWithANotice() throws Exception {
		// given
		User created = TestUsers.user(this.admin.organisationId());
		given(this.userManagement.create(any(), any(), any())).willReturn(created);

		// when / then
		this.mvc
			.perform(post("/admin/users").param("username", created.username())
				.param("password", "correct horse battery staple")
				.param("role", "USER")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", "User '" + created.username() + "' is created."));
	}

	@Test
	void creatingATakenUsernameAnswers409WithTheDialogOpen() throws Exception {
		// given
		given(this.userManagement.create(any(), any(), any())).willThrow(TestProblems.conflict("username-taken"));

		// when / then
		this.mvc
			.perform(post("/admin/users").param("username", "carol")
				.param("password", "correct horse battery staple")
				.param("role", "USER")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name("users"));
	}

	@Test
	void confirmingAnActionOnAnUnknownUserAnswers404() throws Exception {
		// given
		given(this.userManagement.get(any(), any())).willThrow(new NotFound("user"));

		// when / then
		this.mvc.perform(get("/admin/users/" + TestUsers.user().id() + "/deactivate").with(asAdmin()))
			.andExpect(status().isNotFound())
			.andExpect(view().name("problem"));
	}

	private RequestPostProcessor asAdmin() {
		return signedIn(this.admin);
	}

}
