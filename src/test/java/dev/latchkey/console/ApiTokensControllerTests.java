package dev.latchkey.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.NotFound;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.testing.TestProblems;
import dev.latchkey.token.ApiToken;
import dev.latchkey.token.IssuedToken;
import dev.latchkey.token.TestTokens;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.token.TokenView;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Admin → API tokens in a web slice behind the console's filter chain, one test per
 * status the page answers. The page in a browser is tested in
 * ConsoleBrowserIntegrationTests.
 */
@ConsolePageTest(ApiTokensController.class)
class ApiTokensControllerTests {

	private final User admin = TestUsers.admin();

	@Autowired
	MockMvc mvc;

	@Autowired
	TokenManagement tokens;

	@Autowired
	UserManagement userManagement;

	@Autowired
	OrganisationManagement organisations;

	@BeforeEach
	void theOrganisationExists() {
		given(this.organisations.get(any(), any())).willReturn(organisationOf(this.admin));
	}

	@Test
	void theListAnswers200ToAnAdmin() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		given(this.tokens.listOrganisation(any())).willReturn(List.of(new TokenView(token, this.admin.username())));

		// when / then
		this.mvc.perform(get("/admin/api-tokens").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("api-tokens"))
			.andExpect(content().string(containsString(token.name().value())));
	}

	@Test
	void theListRedirectsAnAnonymousVisitorToSignIn() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/api-tokens")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theListIsForbiddenToAGeneralUser() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/api-tokens").with(signedIn(TestUsers.user())))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/forbidden"));
	}

	@Test
	void creatingShowsTheSecretOnceUncached() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		IssuedToken issued = new IssuedToken(new TokenView(token, this.admin.username()), TestTokens.FORMAT.generate());
		given(this.tokens.create(any(), any())).willReturn(issued);

		// when / then
		this.mvc.perform(post("/admin/api-tokens").param("name", "ci-deploy").with(asAdmin()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(containsString(issued.secret().reveal())));
	}

	@Test
	void creatingBeyondTheLimitAnswers409WithTheDialogOpen() throws Exception {
		// given
		given(this.tokens.create(any(), any())).willThrow(TestProblems.conflict("token-limit-reached"));

		// when / then
		this.mvc.perform(post("/admin/api-tokens").param("name", "ci-deploy").with(asAdmin()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name("api-tokens"));
	}

	@Test
	void confirmingAnActionOnAnUnknownTokenAnswers404() throws Exception {
		// given
		given(this.tokens.get(any(), any())).willThrow(new NotFound("token"));

		// when / then
		this.mvc.perform(get("/admin/api-tokens/" + UUID.randomUUID() + "/revoke").with(asAdmin()))
			.andExpect(status().isNotFound())
			.andExpect(view().name("problem"));
	}

	@Test
	void revokingRedirectsToTheListWithANotice() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		given(this.tokens.revoke(any(), any())).willReturn(new TokenView(token, this.admin.username()));

		// when / then
		this.mvc.perform(post("/admin/api-tokens/" + token.id() + "/revoke").with(asAdmin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/api-tokens"));
	}

	private RequestPostProcessor asAdmin() {
		return signedIn(this.admin);
	}

}
