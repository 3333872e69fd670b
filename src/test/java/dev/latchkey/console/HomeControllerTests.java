package dev.latchkey.console;

import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static dev.latchkey.console.ConsolePageTest.Sessions.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The console's home, sign-in, sign-out and forbidden pages in a web slice behind the
 * console's filter chain, one test per page and status. Signing in for real is tested in
 * ConsoleSecurityIntegrationTests and the browser tests.
 */
@ConsolePageTest(HomeController.class)
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theHomePageAnswers200ToASignedInUser() throws Exception {
		// given
		User user = TestUsers.user();

		// when / then
		this.mvc.perform(get("/").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(view().name("home"))
			.andExpect(header().string("Content-Security-Policy", ConsoleSecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(content().string(containsString(user.username())));
	}

	@Test
	void theHomePageRedirectsAnAnonymousVisitorToSignIn() throws Exception {
		// when / then
		this.mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aDeactivatedUsersSessionEndsAtTheNextRequest() throws Exception {
		// given
		User deactivated = TestUsers.deactivated(TestUsers.user());

		// when / then
		this.mvc.perform(get("/").with(signedIn(deactivated)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void theSignInPageAnswers200ToAnAnonymousVisitor() throws Exception {
		// when / then
		this.mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(view().name("login"));
	}

	@Test
	void theSignInPageRedirectsASignedInUserHome() throws Exception {
		// when / then
		this.mvc.perform(get("/login").with(signedIn(TestUsers.user())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void theSignOutPageAnswers200ToASignedInUser() throws Exception {
		// when / then
		this.mvc.perform(get("/logout").with(signedIn(TestUsers.user())))
			.andExpect(status().isOk())
			.andExpect(view().name("logout"));
	}

	@Test
	void signingOutWithoutACsrfTokenIsForbidden() throws Exception {
		// when / then
		this.mvc.perform(post("/logout").with(signedIn(TestUsers.user())))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/forbidden"));
	}

	@Test
	void signingOutWithACsrfTokenRedirectsToSignIn() throws Exception {
		// when / then
		this.mvc.perform(post("/logout").with(signedIn(TestUsers.user())).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void theForbiddenPageAnswers403() throws Exception {
		// when / then
		this.mvc.perform(get("/forbidden")).andExpect(status().isForbidden()).andExpect(view().name("forbidden"));
	}

}
