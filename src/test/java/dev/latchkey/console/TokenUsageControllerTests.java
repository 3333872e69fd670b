package dev.latchkey.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.latchkey.system.NotFound;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.token.ApiToken;
import dev.latchkey.token.TestTokens;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.token.TokenUsage;
import dev.latchkey.token.TokenUsage.UsageDay;
import dev.latchkey.token.TokenView;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static dev.latchkey.console.ConsolePageTest.Sessions.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Admin → API tokens → Usage in a web slice behind the console's filter chain, one test
 * per status the page answers. The chart against real counts is tested in
 * ConsoleLifecycleIntegrationTests.
 */
@ConsolePageTest(TokenUsageController.class)
class TokenUsageControllerTests {

	private final User admin = TestUsers.admin();

	@Autowired
	MockMvc mvc;

	@Autowired
	TokenManagement tokens;

	@MockitoBean
	TokenUsage usage;

	@Test
	void theUsagePageDrawsThirtyDaysWithTheTotalAndATableOfTheNumbers() throws Exception {
		// given
		ApiToken token = TestTokens.active(this.admin, Instant.parse(ApiSliceTest.NOW));
		given(this.tokens.get(any(), eq(token.id()))).willReturn(new TokenView(token, this.admin.username()));
		List<UsageDay> days = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			days.add(new UsageDay(LocalDate.parse("2026-10-30").plusDays(i), (i == 29) ? 1234 : (i % 7)));
		}
		given(this.usage.of(any(), eq(token.id()), eq(30))).willReturn(days);

		// when
		MvcResult result = this.mvc
			.perform(get("/admin/api-tokens/" + token.id() + "/usage").with(signedIn(this.admin)))
			.andExpect(status().isOk())
			.andExpect(view().name("token-usage"))
			.andReturn();

		// then
		String page = result.getResponse().getContentAsString();
		long total = 1234 + days.stream().limit(29).mapToLong(UsageDay::requests).sum();
		assertThat(page.split("class=\"usage-bar\"", -1)).hasSize(31);
		assertThat(page).contains("<title id=\"usage-chart-title\">Requests per day, last 30 days</title>")
			.contains("aria-labelledby=\"usage-chart-title usage-chart-desc\"")
			.contains(String.format("%,d", total))
			.contains(">2,000</text>")
			.contains(">2026-10-30</text>")
			.contains(">2026-11-28</text>")
			.contains("<td>2026-11-28</td><td>1234</td>")
			.doesNotContain("style=");
		// the chart's titles stay in the chart: the page's own title is the head's only
		// one
		assertThat(page.substring(0, page.indexOf("</head>"))).containsOnlyOnce("<title");
	}

	@Test
	void theUsagePageOfAnUnknownTokenAnswers404() throws Exception {
		// given
		given(this.tokens.get(any(), any())).willThrow(new NotFound("token"));

		// when / then
		this.mvc.perform(get("/admin/api-tokens/" + UUID.randomUUID() + "/usage").with(signedIn(this.admin)))
			.andExpect(status().isNotFound())
			.andExpect(view().name("problem"));
		then(this.usage).should(never()).of(any(), any(), eq(30));
	}

	@Test
	void theUsagePageIsForbiddenToAGeneralUser() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/api-tokens/" + UUID.randomUUID() + "/usage").with(signedIn(TestUsers.user())))
			.andExpect(status().isForbidden());
		then(this.usage).should(never()).of(any(), any(), eq(30));
	}

	@Test
	void theUsagePageRedirectsAnAnonymousVisitorToSignIn() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/api-tokens/" + UUID.randomUUID() + "/usage"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

}
