package dev.latchkey.client.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.latchkey.auth.TokenGate;
import dev.latchkey.client.ClientManagement;
import dev.latchkey.client.ResourceClient;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.token.StatusReason;
import dev.latchkey.token.TestTokens;
import dev.latchkey.token.TokenCredential;
import dev.latchkey.token.TokenManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * RFC 7662 introspection and RFC 7009 revocation in a web slice, one test per status code
 * they answer, with client authentication and the token gate mocked. The whole exchange,
 * the other organisation included, is tested in OAuthIntegrationTests.
 */
@ApiSliceTest(OAuthEndpoints.class)
class OAuthEndpointsTests {

	private static final String PRESENTED = "lkp_presented";

	private static final ResourceClient ORDERS = new ResourceClient(UUID.randomUUID(), OrganisationId.random(),
			"orders-api", "lkc_orders", "digest", true, Instant.parse(ApiSliceTest.NOW), "alice");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClientManagement clients;

	@MockitoBean
	TokenGate gate;

	@MockitoBean
	TokenManagement tokens;

	@Test
	void introspectingAnActiveTokenAnswers200ActiveWithItsOwner() throws Exception {
		// given
		TokenCredential credential = TestTokens.credential(Instant.parse(ApiSliceTest.NOW));
		givenTheClientAuthenticates();
		given(this.gate.check(eq(PRESENTED), anyString(), nullable(String.class), any()))
			.willReturn(new TokenGate.Accepted(credential));

		// when / then
		this.mvc.perform(asClient(post("/oauth2/introspect")).param("token", PRESENTED))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.username").value(credential.username()))
			.andExpect(jsonPath("$.client_id").value("lkc_orders"));
	}

	@Test
	void introspectingARefusedTokenAnswers200InactiveAndNothingMore() throws Exception {
		// given
		givenTheClientAuthenticates();
		given(this.gate.check(anyString(), anyString(), nullable(String.class), any()))
			.willReturn(new TokenGate.Refused(Duration.ofSeconds(9)));

		// when / then
		this.mvc.perform(asClient(post("/oauth2/introspect")).param("token", PRESENTED))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.username").doesNotExist());
	}

	@Test
	void introspectingWithoutATokenAnswers400() throws Exception {
		// given
		givenTheClientAuthenticates();

		// when / then
		this.mvc.perform(asClient(post("/oauth2/introspect")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
	}

	@Test
	void anUnknownClientAnswers401WithTheBasicChallenge() throws Exception {
		// given
		given(this.clients.authenticate(anyString(), anyString())).willReturn(Optional.empty());

		// when / then
		this.mvc.perform(asClient(post("/oauth2/introspect")).param("token", PRESENTED))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"latchkey\""))
			.andExpect(jsonPath("$.error").value("invalid_client"));
		then(this.gate).shouldHaveNoInteractions();
	}

	@Test
	void introspectingWhenTokensCannotBeCheckedAnswers503() throws Exception {
		// given
		givenTheClientAuthenticates();
		given(this.gate.check(anyString(), anyString(), nullable(String.class), any()))
			.willReturn(new TokenGate.Unavailable());

		// when / then
		this.mvc.perform(asClient(post("/oauth2/introspect")).param("token", PRESENTED))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.error").value("temporarily_unavailable"));
	}

	@Test
	void revokingAsAClientAnswers200() throws Exception {
		// given
		givenTheClientAuthenticates();

		// when
		this.mvc.perform(asClient(post("/oauth2/revoke")).param("token", PRESENTED)).andExpect(status().isOk());

		// then
		then(this.tokens).should()
			.revokeByValue(any(), eq(ORDERS.organisationId()), eq(PRESENTED), eq(StatusReason.REVOKED_BY_ADMIN));
	}

	@Test
	void aTokenRevokingItselfAnswers200() throws Exception {
		// given
		TokenCredential credential = TestTokens.credential(Instant.parse(ApiSliceTest.NOW));
		given(this.gate.check(eq(PRESENTED), anyString(), any())).willReturn(new TokenGate.Accepted(credential));

		// when
		this.mvc.perform(itself(post("/oauth2/revoke"))).andExpect(status().isOk());

		// then
		then(this.tokens).should()
			.revokeByValue(any(), eq(credential.organisationId()), eq(PRESENTED), eq(StatusReason.REVOKED_BY_OWNER));
	}

	@Test
	void revokingWithoutATokenAnswers400() throws Exception {
		// when / then
		this.mvc.perform(asClient(post("/oauth2/revoke")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
	}

	@Test
	void revokingWithoutAClientOrTheTokenItselfAnswers401() throws Exception {
		// when / then
		this.mvc
			.perform(
					post("/oauth2/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("token", PRESENTED))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_client"));
	}

	@Test
	void aRefusedTokenRevokingItselfFromAThrottledAddressAnswers429() throws Exception {
		// given
		given(this.gate.check(anyString(), anyString(), any()))
			.willReturn(new TokenGate.Refused(Duration.ofSeconds(30)));

		// when / then
		this.mvc.perform(itself(post("/oauth2/revoke")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(jsonPath("$.error").value("too_many_requests"));
		then(this.tokens).shouldHaveNoInteractions();
	}

	@Test
	void aTokenRevokingItselfWhenTokensCannotBeCheckedAnswers503() throws Exception {
		// given
		given(this.gate.check(anyString(), anyString(), any())).willReturn(new TokenGate.Unavailable());

		// when / then
		this.mvc.perform(itself(post("/oauth2/revoke"))).andExpect(status().isServiceUnavailable());
	}

	private void givenTheClientAuthenticates() {
		given(this.clients.authenticate("lkc_orders", "the-secret")).willReturn(Optional.of(ORDERS));
	}

	private static MockHttpServletRequestBuilder asClient(MockHttpServletRequestBuilder request) {
		String basic = Base64.getEncoder().encodeToString("lkc_orders:the-secret".getBytes(StandardCharsets.UTF_8));
		return request.contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Authorization", "Basic " + basic);
	}

	private static MockHttpServletRequestBuilder itself(MockHttpServletRequestBuilder request) {
		return request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", "Bearer " + PRESENTED)
			.param("token", PRESENTED);
	}

}
