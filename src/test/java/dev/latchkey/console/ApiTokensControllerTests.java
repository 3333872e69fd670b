package dev.latchkey.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.NotFound;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.testing.TestProblems;
import dev.latchkey.token.AllowedAddresses;
import dev.latchkey.token.ApiToken;
import dev.latchkey.token.IssuedToken;
import dev.latchkey.token.NewToken;
import dev.latchkey.token.Scope;
import dev.latchkey.token.ScopeDefinition;
import dev.latchkey.token.ScopeManagement;
import dev.latchkey.token.StatusReason;
import dev.latchkey.token.TestTokens;
import dev.latchkey.token.TokenChanges;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.token.TokenView;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.latchkey.console.ConsolePageTest.Sessions.organisationOf;
import static dev.latchkey.console.ConsolePageTest.Sessions.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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

	@Autowired
	ScopeManagement scopes;

	@BeforeEach
	void theOrganisationExists() {
		given(this.organisations.get(any(), any())).willReturn(organisationOf(this.admin));
		given(this.scopes.list(any())).willReturn(List.of(new ScopeDefinition(Scope.API, "Everything.", true),
				new ScopeDefinition(Scope.READ_API, "Read only.", true),
				new ScopeDefinition(new Scope("orders:write"), "Places orders", false)));
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
	void theCreateDialogOffersEveryScopeWithApiTicked() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/api-tokens/new").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"token-scope-api\" checked")))
			.andExpect(content().string(containsString("id=\"token-scope-read_api\"")))
			.andExpect(content().string(containsString("Places orders")))
			.andExpect(content().string(containsString("id=\"token-allowed-ips\"")));
	}

	@Test
	void creatingPassesTheTickedScopesAndTheAllowlistLines() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		IssuedToken issued = new IssuedToken(new TokenView(token, this.admin.username()), TestTokens.FORMAT.generate());
		given(this.tokens.create(any(), any())).willReturn(issued);

		// when
		this.mvc
			.perform(post("/admin/api-tokens").param("name", "reader")
				.param("scopes", "read_api", "orders:write", "")
				.param("allowedIps", "203.0.113.7\r\n\r\n  10.0.0.0/8 \r\n")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isOk());

		// then
		ArgumentCaptor<NewToken> asked = ArgumentCaptor.forClass(NewToken.class);
		then(this.tokens).should().create(any(), asked.capture());
		assertThat(asked.getValue().scopes()).containsExactly("read_api", "orders:write");
		assertThat(asked.getValue().allowedIps()).containsExactly("203.0.113.7", "10.0.0.0/8");
	}

	@Test
	void creatingWithARefusedAllowlistAnswers400WithTheInputKeptAndTheMessageAtTheField() throws Exception {
		// given: the token module refuses the entry, as it would
		willAnswer((invocation) -> AllowedAddresses.of(List.of("10.0.0.1/8"))).given(this.tokens).create(any(), any());

		// when / then
		this.mvc
			.perform(post("/admin/api-tokens").param("name", "kept-name")
				.param("scopes", "read_api", "")
				.param("allowedIps", "10.0.0.1/8")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("api-tokens"))
			.andExpect(content().string(containsString("id=\"token-allowed-ips-error\"")))
			.andExpect(content().string(containsString("Entry 1 of the allowlist has bits set after its prefix")))
			.andExpect(content().string(containsString("value=\"kept-name\"")))
			.andExpect(content().string(containsString(">10.0.0.1/8</textarea>")))
			.andExpect(content().string(containsString("id=\"token-scope-read_api\" checked")))
			.andExpect(content().string(not(containsString("id=\"token-scope-api\" checked"))))
			.andExpect(content().string(not(containsString("id=\"token-created\""))));
	}

	@Test
	void creatingWithNoScopeTickedAnswers400AndAsksNothingOfTheTokenModule() throws Exception {
		// when / then
		this.mvc.perform(
				post("/admin/api-tokens").param("name", "no-scope").param("scopes", "").with(asAdmin()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"token-scopes-error\"")))
			.andExpect(content().string(containsString("Choose at least one scope.")));
		then(this.tokens).should(never()).create(any(), any());
	}

	@Test
	void theEditPageOfATokenHoldingApiOffersEveryScope() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		given(this.tokens.get(any(), eq(token.id()))).willReturn(new TokenView(token, this.admin.username()));

		// when / then
		this.mvc.perform(get("/admin/api-tokens/" + token.id() + "/edit").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("token-edit"))
			.andExpect(content().string(containsString("id=\"edit-scope-api\" checked")))
			.andExpect(content().string(containsString("id=\"edit-scope-read_api\"")))
			.andExpect(content().string(containsString("id=\"edit-scope-orders:write\"")));
	}

	@Test
	void theEditPageOfAnUnknownTokenAnswers404() throws Exception {
		// given
		given(this.tokens.get(any(), any())).willThrow(new NotFound("token"));

		// when / then
		this.mvc.perform(get("/admin/api-tokens/" + UUID.randomUUID() + "/edit").with(asAdmin()))
			.andExpect(status().isNotFound())
			.andExpect(view().name("problem"));
	}

	@Test
	void theEditPageIsForbiddenToAGeneralUser() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/api-tokens/" + UUID.randomUUID() + "/edit").with(signedIn(TestUsers.user())))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/forbidden"));
	}

	@Test
	void editingRedirectsToTheListWithANotice() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		TokenView view = new TokenView(token, this.admin.username());
		given(this.tokens.get(any(), eq(token.id()))).willReturn(view);
		given(this.tokens.update(any(), eq(token.id()), any())).willReturn(view);

		// when
		this.mvc
			.perform(post("/admin/api-tokens/" + token.id() + "/edit").param("scopes", "read_api", "")
				.param("allowedIps", "192.0.2.0/24\n2001:db8::/32")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/api-tokens"));

		// then
		ArgumentCaptor<TokenChanges> asked = ArgumentCaptor.forClass(TokenChanges.class);
		then(this.tokens).should().update(any(), eq(token.id()), asked.capture());
		assertThat(asked.getValue().name()).isNull();
		assertThat(asked.getValue().description()).isNull();
		assertThat(asked.getValue().scopes().names()).containsExactly("read_api");
		assertThat(asked.getValue().allowedAddresses().entries()).containsExactly("192.0.2.0/24", "2001:db8::/32");
	}

	@Test
	void editingWithARefusedAllowlistAnswers400WithTheInputKept() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		given(this.tokens.get(any(), eq(token.id()))).willReturn(new TokenView(token, this.admin.username()));

		// when / then: the change itself is refused as the token module refuses it
		this.mvc
			.perform(post("/admin/api-tokens/" + token.id() + "/edit").param("scopes", "api", "")
				.param("allowedIps", "192.0.2.1\nexample.com")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("token-edit"))
			.andExpect(content().string(containsString("Entry 2 of the allowlist is not an IPv4 or IPv6 address")))
			.andExpect(content().string(containsString(">192.0.2.1\nexample.com</textarea>")));
		then(this.tokens).should(never()).update(any(), any(), any());
	}

	@Test
	void editingThatWouldWidenTheScopesAnswers409InWords() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		given(this.tokens.get(any(), eq(token.id()))).willReturn(new TokenView(token, this.admin.username()));
		given(this.tokens.update(any(), any(), any())).willThrow(TestProblems.conflict("scope-widening"));

		// when / then
		this.mvc
			.perform(post("/admin/api-tokens/" + token.id() + "/edit").param("scopes", "api", "")
				.param("allowedIps", "")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name("token-edit"))
			.andExpect(content().string(containsString("id=\"edit-scopes-error\"")));
	}

	@Test
	void editingAnUnknownTokenAnswers404() throws Exception {
		// given
		given(this.tokens.get(any(), any())).willThrow(new NotFound("token"));

		// when / then
		this.mvc
			.perform(post("/admin/api-tokens/" + UUID.randomUUID() + "/edit").param("scopes", "api", "")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void editingWithoutTheCsrfTokenIsRefused() throws Exception {
		// when / then
		this.mvc
			.perform(post("/admin/api-tokens/" + UUID.randomUUID() + "/edit").param("scopes", "read_api")
				.with(asAdmin()))
			.andExpect(status().isForbidden());
		then(this.tokens).should(never()).update(any(), any(), any());
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

	@Test
	void theListOffersRotateForAnActiveTokenOnlyAndUsageForEvery() throws Exception {
		// given
		Instant now = Instant.parse(ApiSliceTest.NOW);
		ApiToken active = TestTokens.active(this.admin, now);
		ApiToken revoked = TestTokens.revoked(this.admin, now, StatusReason.REVOKED_BY_ADMIN);
		given(this.tokens.listOrganisation(any())).willReturn(
				List.of(new TokenView(active, this.admin.username()), new TokenView(revoked, this.admin.username())));

		// when / then
		this.mvc.perform(get("/admin/api-tokens").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/api-tokens/" + active.id() + "/rotate")))
			.andExpect(content().string(not(containsString("/admin/api-tokens/" + revoked.id() + "/rotate"))))
			.andExpect(content().string(containsString("/admin/api-tokens/" + active.id() + "/usage")))
			.andExpect(content().string(containsString("/admin/api-tokens/" + revoked.id() + "/usage")));
	}

	@Test
	void theRotateConfirmationOffersTheOverlapsWith24HoursChosen() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		given(this.tokens.get(any(), eq(token.id()))).willReturn(new TokenView(token, this.admin.username()));

		// when / then
		this.mvc.perform(get("/admin/api-tokens/" + token.id() + "/rotate").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("confirm"))
			.andExpect(content().string(containsString("name=\"overlapHours\"")))
			.andExpect(content().string(containsString(
					"<option value=\"24\" selected=\"selected\">for 24 hours, until 2026-11-29 10:00 UTC (default)</option>")))
			.andExpect(content().string(containsString("not at all: it stops at once")))
			.andExpect(content().string(containsString("for 7 days, until")));
	}

	@Test
	void theRotateConfirmationOfARevokedTokenAnswers404() throws Exception {
		// given
		ApiToken token = TestTokens.revoked(this.admin, Instant.parse(ApiSliceTest.NOW), StatusReason.REVOKED_BY_ADMIN);
		given(this.tokens.get(any(), eq(token.id()))).willReturn(new TokenView(token, this.admin.username()));

		// when / then
		this.mvc.perform(get("/admin/api-tokens/" + token.id() + "/rotate").with(asAdmin()))
			.andExpect(status().isNotFound());
	}

	@Test
	void rotatingShowsTheNewSecretOnceUncachedInTheCreateDialog() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		TokenView view = new TokenView(token, this.admin.username());
		IssuedToken issued = new IssuedToken(view, TestTokens.FORMAT.generate());
		given(this.tokens.get(any(), eq(token.id()))).willReturn(view);
		given(this.tokens.rotate(any(), eq(token.id()), eq(72))).willReturn(issued);

		// when / then
		this.mvc
			.perform(post("/admin/api-tokens/" + token.id() + "/rotate").param("overlapHours", "72")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("api-tokens"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(containsString("id=\"token-created\"")))
			.andExpect(content().string(containsString("Token rotated")))
			.andExpect(content().string(containsString(issued.secret().reveal())));
	}

	@Test
	void rotatingARevokedTokenRedirectsToTheListWithTheReason() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		given(this.tokens.get(any(), eq(token.id()))).willReturn(new TokenView(token, this.admin.username()));
		given(this.tokens.rotate(any(), eq(token.id()), any())).willThrow(TestProblems.conflict("token-not-active"));

		// when / then
		this.mvc.perform(post("/admin/api-tokens/" + token.id() + "/rotate").with(asAdmin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/api-tokens"))
			.andExpect(flash().attribute("error", containsString("was not rotated: it is no longer active")));
	}

	@Test
	void rotatingWithAnOverlapThatIsNoNumberRedirectsWithTheReasonAndRotatesNothing() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		given(this.tokens.get(any(), eq(token.id()))).willReturn(new TokenView(token, this.admin.username()));

		// when / then
		this.mvc
			.perform(post("/admin/api-tokens/" + token.id() + "/rotate").param("overlapHours", "a day")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("error", containsString("Choose how long the old secret keeps working.")));
		then(this.tokens).should(never()).rotate(any(), any(), any());
	}

	@Test
	void rotatingAnUnknownTokenAnswers404() throws Exception {
		// given
		given(this.tokens.get(any(), any())).willThrow(new NotFound("token"));

		// when / then
		this.mvc.perform(post("/admin/api-tokens/" + UUID.randomUUID() + "/rotate").with(asAdmin()).with(csrf()))
			.andExpect(status().isNotFound());
		then(this.tokens).should(never()).rotate(any(), any(), any());
	}

	@Test
	void rotatingIsForbiddenToAGeneralUser() throws Exception {
		// when / then
		this.mvc
			.perform(post("/admin/api-tokens/" + UUID.randomUUID() + "/rotate").with(signedIn(TestUsers.user()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		then(this.tokens).should(never()).rotate(any(), any(), any());
	}

	@Test
	void rotatingWithoutTheCsrfTokenIsRefused() throws Exception {
		// when / then
		this.mvc.perform(post("/admin/api-tokens/" + UUID.randomUUID() + "/rotate").with(asAdmin()))
			.andExpect(status().isForbidden());
		then(this.tokens).should(never()).rotate(any(), any(), any());
	}

	private RequestPostProcessor asAdmin() {
		return signedIn(this.admin);
	}

}
