package dev.latchkey.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.token.TestTokens;
import dev.latchkey.token.TokenCredential;
import dev.latchkey.token.TokenScopes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forward authentication in a web slice, one test per status code it answers, with the
 * token gate mocked. The gate itself, the other organisation and the refusal limit are
 * tested over real HTTP in ForwardAuthIntegrationTests.
 */
@ApiSliceTest(ForwardAuthController.class)
class ForwardAuthControllerTests {

	private static final String PRESENTED = "lkp_presented";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TokenGate gate;

	@Test
	void aTokenOfTheOrganisationAnswers200WithHeadersNamingItsOwner() throws Exception {
		// given
		TokenCredential credential = TestTokens.credential(Instant.parse(ApiSliceTest.NOW));
		given(this.gate.check(eq(PRESENTED), anyString(), any())).willReturn(new TokenGate.Accepted(credential));

		// when / then
		this.mvc
			.perform(get("/auth/verify").param("organisation", "acme").header("Authorization", "Bearer " + PRESENTED))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string(ForwardAuthController.USER, credential.username()))
			.andExpect(header().string(ForwardAuthController.ORGANISATION, "acme"))
			.andExpect(header().string(ForwardAuthController.TOKEN_ID, credential.tokenId().toString()));
	}

	@Test
	void withoutAnOrganisationItAnswers400AndAsksNoGate() throws Exception {
		// when
		this.mvc.perform(get("/auth/verify").header("Authorization", "Bearer " + PRESENTED))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-token-request"));

		// then
		then(this.gate).shouldHaveNoInteractions();
	}

	@Test
	void twoOrganisationsAnswer400() throws Exception {
		// when / then
		this.mvc
			.perform(get("/auth/verify").param("organisation", "acme", "other")
				.header("Authorization", "Bearer " + PRESENTED))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aTokenLackingARequiredScopeAnswers403WithTheInsufficientScopeChallenge() throws Exception {
		// given
		TokenCredential reader = withScopes(TestTokens.credential(Instant.parse(ApiSliceTest.NOW)), "read_api");
		given(this.gate.check(eq(PRESENTED), anyString(), any())).willReturn(new TokenGate.Accepted(reader));

		// when / then
		this.mvc
			.perform(get("/auth/verify").param("organisation", "acme")
				.param("scope", "read_api")
				.header("X-Original-Method", "POST")
				.header("Authorization", "Bearer " + PRESENTED))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate",
					allOf(startsWith("Bearer realm=\"latchkey\", error=\"insufficient_scope\""),
							endsWith("scope=\"read_api\""))))
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/insufficient-scope"))
			.andExpect(header().doesNotExist(ForwardAuthController.USER));
	}

	@Test
	void aMalformedScopeOrAnAmbiguousMethodAnswers400AndAsksNoGate() throws Exception {
		// when
		this.mvc
			.perform(get("/auth/verify").param("organisation", "acme")
				.param("scope", "Deploy")
				.header("Authorization", "Bearer " + PRESENTED))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-token-request"));
		this.mvc
			.perform(get("/auth/verify").param("organisation", "acme")
				.header("X-Forwarded-Method", "GET")
				.header("X-Original-Method", "DELETE")
				.header("Authorization", "Bearer " + PRESENTED))
			.andExpect(status().isBadRequest());

		// then
		then(this.gate).shouldHaveNoInteractions();
	}

	@Test
	void withoutATokenItAnswers401WithTheBearerChallenge() throws Exception {
		// when / then
		this.mvc.perform(get("/auth/verify").param("organisation", "acme"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"latchkey\""));
	}

	@Test
	void aRefusedTokenAnswers401() throws Exception {
		// given
		given(this.gate.check(anyString(), anyString(), any())).willReturn(new TokenGate.Refused(null));

		// when / then
		this.mvc
			.perform(get("/auth/verify").param("organisation", "acme").header("Authorization", "Bearer " + PRESENTED))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"latchkey\", error=\"invalid_token\""))
			.andExpect(header().doesNotExist(ForwardAuthController.USER));
	}

	@Test
	void aRefusedTokenFromAThrottledAddressAnswers429WithRetryAfter() throws Exception {
		// given
		given(this.gate.check(anyString(), anyString(), any()))
			.willReturn(new TokenGate.Refused(Duration.ofSeconds(30)));

		// when / then
		this.mvc
			.perform(get("/auth/verify").param("organisation", "acme").header("Authorization", "Bearer " + PRESENTED))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"));
	}

	@Test
	void whenTokensCannotBeCheckedItAnswers503NotAnAdmission() throws Exception {
		// given
		given(this.gate.check(anyString(), anyString(), any())).willReturn(new TokenGate.Unavailable());

		// when / then
		this.mvc
			.perform(get("/auth/verify").param("organisation", "acme").header("Authorization", "Bearer " + PRESENTED))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(header().doesNotExist(ForwardAuthController.USER));
	}

	private static TokenCredential withScopes(TokenCredential credential, String... scopes) {
		return new TokenCredential(credential.tokenId(), credential.tokenName(), credential.digest(),
				credential.storedStatus(), credential.createdAt(), credential.expiresAt(), credential.ownerId(),
				credential.username(), credential.email(), credential.displayName(), credential.role(),
				credential.ownerActive(), credential.ownerLicensed(), credential.organisationId(),
				credential.organisationName(), TokenScopes.of(List.of(scopes)), credential.allowedAddresses());
	}

}
