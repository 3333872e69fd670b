package dev.latchkey.token.web;

import java.time.Duration;
import java.util.Optional;

import dev.latchkey.system.RateLimit;
import dev.latchkey.system.RateLimits;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.token.LeakSettings;
import dev.latchkey.token.TokenManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The leak report endpoint in a web slice, one test per status code it answers. It is
 * unauthenticated, so requests carry no principal. Revocation of what is reported is
 * tested in LeakReportIntegrationTests, the limit across requests in
 * LeakRateLimitIntegrationTests.
 */
@ApiSliceTest(LeakController.class)
class LeakControllerTests {

	/** The controller defines its limit when it is built, before a test can stub it. */
	private static final RateLimit LIMIT = mock(RateLimit.class);

	private static final String ONE_LEAK = """
			[{"token":"lkp_leaked","type":"latchkey_token","url":"https://example.org/commit/1","source":"commit"}]""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TokenManagement tokens;

	@TestConfiguration(proxyBeanMethods = false)
	static class Limits {

		@Bean
		RateLimits rateLimits() {
			RateLimits limits = mock(RateLimits.class);
			given(limits.define(any(), anyInt(), any())).willReturn(LIMIT);
			return limits;
		}

		@Bean
		LeakSettings leakSettings() {
			return new LeakSettings(2, 10, Duration.ofMinutes(1));
		}

	}

	@BeforeEach
	void withinTheLimit() {
		reset(LIMIT);
		given(LIMIT.acquire(any())).willReturn(Optional.empty());
	}

	@Test
	void aReportAnswers202SayingHowManyWereReceived() throws Exception {
		// when
		this.mvc.perform(post("/api/v1/leaks").contentType(MediaType.APPLICATION_JSON).content(ONE_LEAK))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.received").value(1));

		// then
		then(this.tokens).should().revokeLeaked(anyList(), any());
	}

	@Test
	void anEntryWithoutATokenAnswers400() throws Exception {
		// when / then
		this.mvc.perform(post("/api/v1/leaks").contentType(MediaType.APPLICATION_JSON).content("[{\"type\":\"x\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"));
	}

	@Test
	void aNullEntryAnswers400() throws Exception {
		// when / then
		this.mvc.perform(post("/api/v1/leaks").contentType(MediaType.APPLICATION_JSON).content("[null]"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"));
	}

	@Test
	void aReportLargerThanAllowedAnswers400() throws Exception {
		// given
		String three = "[{\"token\":\"a\"},{\"token\":\"b\"},{\"token\":\"c\"}]";

		// when / then
		this.mvc.perform(post("/api/v1/leaks").contentType(MediaType.APPLICATION_JSON).content(three))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("A report holds at most 2 tokens."));
	}

	@Test
	void anAddressOverItsLimitAnswers429WithRetryAfter() throws Exception {
		// given
		given(LIMIT.acquire(any())).willReturn(Optional.of(Duration.ofSeconds(42)));

		// when / then
		this.mvc.perform(post("/api/v1/leaks").contentType(MediaType.APPLICATION_JSON).content(ONE_LEAK))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "42"))
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/too-many-requests"));
		then(this.tokens).shouldHaveNoInteractions();
	}

}
