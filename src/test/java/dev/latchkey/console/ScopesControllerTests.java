package dev.latchkey.console;

import java.util.List;

import dev.latchkey.system.NotFound;
import dev.latchkey.testing.TestProblems;
import dev.latchkey.token.Scope;
import dev.latchkey.token.ScopeDefinition;
import dev.latchkey.token.ScopeManagement;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.latchkey.console.ConsolePageTest.Sessions.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
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
 * Admin → Scopes in a web slice behind the console's filter chain, one test per status
 * the page answers. In a browser: ConsoleScopesIntegrationTests.
 */
@ConsolePageTest(ScopesController.class)
class ScopesControllerTests {

	private final User admin = TestUsers.admin();

	@Autowired
	MockMvc mvc;

	@Autowired
	ScopeManagement scopes;

	@BeforeEach
	void theOrganisationHasAScopeOfItsOwn() {
		given(this.scopes.list(any())).willReturn(List.of(new ScopeDefinition(Scope.API, "Everything.", true),
				new ScopeDefinition(Scope.READ_API, "Read only.", true),
				new ScopeDefinition(new Scope("orders:write"), "Places orders", false)));
	}

	@Test
	void theListAnswers200WithDeleteForOwnScopesOnly() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/scopes").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("scopes"))
			.andExpect(content().string(containsString("Places orders")))
			.andExpect(content().string(containsString("/admin/scopes/orders:write/delete")))
			.andExpect(content().string(not(containsString("/admin/scopes/api/delete"))))
			.andExpect(content().string(not(containsString("/admin/scopes/read_api/delete"))));
	}

	@Test
	void theListRedirectsAnAnonymousVisitorToSignIn() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/scopes")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theListIsForbiddenToAGeneralUser() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/scopes").with(signedIn(TestUsers.user())))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/forbidden"));
		then(this.scopes).should(never()).list(any());
	}

	@Test
	void definingRedirectsToTheListWithANotice() throws Exception {
		// given
		given(this.scopes.define(any(), eq("billing:read"), eq("Reads invoices")))
			.willReturn(new ScopeDefinition(new Scope("billing:read"), "Reads invoices", false));

		// when / then
		this.mvc
			.perform(post("/admin/scopes").param("name", " billing:read ")
				.param("description", "Reads invoices")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/scopes"))
			.andExpect(flash().attribute("notice", containsString("billing:read")));
	}

	@Test
	void definingAScopeThatExistsAnswers409WithTheInputKept() throws Exception {
		// given
		given(this.scopes.define(any(), any(), any())).willThrow(TestProblems.conflict("scope-exists"));

		// when / then
		this.mvc
			.perform(post("/admin/scopes").param("name", "orders:write")
				.param("description", "typed again")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name("scopes"))
			.andExpect(content().string(containsString("id=\"define-scope-error\"")))
			.andExpect(content().string(containsString("value=\"typed again\"")));
	}

	@Test
	void definingAMalformedNameAnswers400() throws Exception {
		// given: the token module refuses the name, as it would
		willAnswer((invocation) -> new Scope(invocation.getArgument(1))).given(this.scopes).define(any(), any(), any());

		// when / then
		this.mvc.perform(post("/admin/scopes").param("name", "Orders Write").with(asAdmin()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("starts with a lowercase letter")))
			.andExpect(content().string(containsString("value=\"Orders Write\"")));
	}

	@Test
	void definingWithoutTheCsrfTokenIsRefused() throws Exception {
		// when / then
		this.mvc.perform(post("/admin/scopes").param("name", "forged").with(asAdmin()))
			.andExpect(status().isForbidden());
		then(this.scopes).should(never()).define(any(), any(), any());
	}

	@Test
	void confirmingTheDeletionOfAnOwnScopeAnswers200() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/scopes/orders:write/delete").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("confirm"))
			.andExpect(content().string(containsString("Delete scope “orders:write”?")));
	}

	@Test
	void confirmingTheDeletionOfABuiltInOrUnknownScopeAnswers404() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/scopes/api/delete").with(asAdmin())).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/scopes/nothing-here/delete").with(asAdmin())).andExpect(status().isNotFound());
	}

	@Test
	void deletingRedirectsToTheListWithANotice() throws Exception {
		// when / then
		this.mvc.perform(post("/admin/scopes/orders:write/delete").with(asAdmin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/scopes"))
			.andExpect(flash().attribute("notice", containsString("orders:write")));
		then(this.scopes).should().remove(any(), eq("orders:write"));
	}

	@Test
	void deletingAScopeInUseRedirectsWithTheRefusal() throws Exception {
		// given
		willThrow(TestProblems.conflict("scope-in-use")).given(this.scopes).remove(any(), any());

		// when / then
		this.mvc.perform(post("/admin/scopes/orders:write/delete").with(asAdmin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/scopes"))
			.andExpect(flash().attributeExists("error"));
	}

	@Test
	void deletingAnUnknownScopeAnswers404() throws Exception {
		// given
		willThrow(new NotFound("scope")).given(this.scopes).remove(any(), any());

		// when / then
		this.mvc.perform(post("/admin/scopes/nothing-here/delete").with(asAdmin()).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(view().name("problem"));
	}

	private RequestPostProcessor asAdmin() {
		return signedIn(this.admin);
	}

}
