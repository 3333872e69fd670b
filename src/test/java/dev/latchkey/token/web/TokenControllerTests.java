package dev.latchkey.token.web;

import java.util.List;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import dev.latchkey.token.TokenManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The token endpoints in a web slice, one test per status code they answer: the mapping
 * from use-case outcomes to HTTP, with the use cases mocked. The whole flow is covered
 * over real HTTP by the *IntegrationTests.
 */
// The console's advice and filters belong to another surface; keep them out of this
// slice.
@WebMvcTest(controllers = TokenController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.latchkey\\.console\\..*"))
class TokenControllerTests {

	private static final Actor ADMIN = Actor.user(UserId.random(), "alice", OrganisationId.random(), Role.ORG_ADMIN,
			"127.0.0.1");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TokenManagement tokens;

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
		}

	}

	@Test
	void listingAnswers200() throws Exception {
		given(this.tokens.listOwn(any())).willReturn(List.of());

		this.mvc.perform(as(get("/api/v1/tokens"))).andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
	}

	@Test
	void creatingWithoutANameAnswers400() throws Exception {
		this.mvc.perform(as(post("/api/v1/tokens")).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-field"));
	}

	@Test
	void creatingAsAGeneralUserAnswers403() throws Exception {
		given(this.tokens.create(any(), any()))
			.willThrow(new Forbidden("Only organisation administrators create API tokens."));

		this.mvc.perform(as(post("/api/v1/tokens")).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/forbidden"));
	}

	@Test
	void anUnknownTokenAnswers404() throws Exception {
		given(this.tokens.get(any(), any())).willThrow(new NotFound("token"));

		this.mvc.perform(as(get("/api/v1/tokens/" + java.util.UUID.randomUUID())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/not-found"));
	}

	@Test
	void aMalformedIdAnswers404NotAParseError() throws Exception {
		this.mvc.perform(as(get("/api/v1/tokens/not-an-id"))).andExpect(status().isNotFound());
	}

	@Test
	void anUnexpectedFailureAnswersAGeneric500WithoutInternals() throws Exception {
		given(this.tokens.listOwn(any())).willThrow(new IllegalStateException("secret internals"));

		this.mvc.perform(as(get("/api/v1/tokens")))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.detail").value("The request could not be completed. It has been logged."));
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(authentication(new TestingAuthenticationToken(ADMIN, null, "ROLE_ORG_ADMIN"))).with(csrf());
	}

}
