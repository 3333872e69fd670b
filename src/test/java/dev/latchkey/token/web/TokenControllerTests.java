package dev.latchkey.token.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.latchkey.system.Forbidden;
import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.NotFound;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.testing.TestProblems;
import dev.latchkey.token.ApiToken;
import dev.latchkey.token.IssuedToken;
import dev.latchkey.token.TestTokens;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.token.TokenUsage;
import dev.latchkey.token.TokenView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.latchkey.testing.SliceRequests.admin;
import static dev.latchkey.testing.SliceRequests.as;
import static dev.latchkey.testing.SliceRequests.generalUser;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
@ApiSliceTest(TokenController.class)
class TokenControllerTests {

	private static final Instant NOW = Instant.parse(ApiSliceTest.NOW);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TokenManagement tokens;

	@MockitoBean
	TokenUsage usage;

	@Test
	void listingAnswers200() throws Exception {
		// given
		given(this.tokens.listOwn(any())).willReturn(List.of());

		// when / then
		this.mvc.perform(get("/api/v1/tokens").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isArray());
	}

	@Test
	void creatingAnswers201WithTheSecretOnceAndUncached() throws Exception {
		// given
		IssuedToken issued = issued();
		given(this.tokens.create(any(), any())).willReturn(issued);

		// when / then
		this.mvc
			.perform(post("/api/v1/tokens").with(as(admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"ci-deploy\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Pragma", "no-cache"))
			.andExpect(jsonPath("$.token").value(issued.secret().reveal()))
			.andExpect(jsonPath("$.id").value(issued.view().token().id().toString()))
			.andExpect(jsonPath("$.status").value("ACTIVE"));
	}

	@Test
	void creatingWithoutANameAnswers400() throws Exception {
		// when / then
		this.mvc.perform(post("/api/v1/tokens").with(as(admin())).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-field"));
	}

	@Test
	void creatingAsAGeneralUserAnswers403() throws Exception {
		// given
		given(this.tokens.create(any(), any()))
			.willThrow(new Forbidden("Only organisation administrators create API tokens."));

		// when / then
		this.mvc
			.perform(post("/api/v1/tokens").with(as(generalUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/forbidden"));
	}

	@Test
	void anUnknownTokenAnswers404() throws Exception {
		// given
		given(this.tokens.get(any(), any())).willThrow(new NotFound("token"));

		// when / then
		this.mvc.perform(get("/api/v1/tokens/" + UUID.randomUUID()).with(as(admin())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/not-found"));
	}

	@Test
	void aMalformedIdAnswers404NotAParseError() throws Exception {
		// when / then
		this.mvc.perform(get("/api/v1/tokens/not-an-id").with(as(admin()))).andExpect(status().isNotFound());
	}

	@Test
	void creatingBeyondTheLimitAnswers409() throws Exception {
		// given
		given(this.tokens.create(any(), any())).willThrow(TestProblems.conflict("token-limit-reached"));

		// when / then
		this.mvc
			.perform(post("/api/v1/tokens").with(as(admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/token-limit-reached"));
	}

	@Test
	void reapprovingALeakedTokenAnswers409() throws Exception {
		// given
		given(this.tokens.reapprove(any(), any())).willThrow(TestProblems.conflict("token-leaked"));

		// when / then
		this.mvc.perform(post("/api/v1/tokens/" + UUID.randomUUID() + "/reapprove").with(as(admin())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/token-leaked"));
	}

	@Test
	void deletingAnswers204WithoutABody() throws Exception {
		// given
		UUID id = UUID.randomUUID();

		// when
		this.mvc.perform(delete("/api/v1/tokens/" + id).with(as(admin())))
			.andExpect(status().isNoContent())
			.andExpect(header().doesNotExist("Content-Type"));

		// then
		then(this.tokens).should().delete(any(), any());
	}

	@Test
	void anUnexpectedFailureAnswersAGeneric500WithoutInternals() throws Exception {
		// given
		given(this.tokens.listOwn(any())).willThrow(new IllegalStateException("secret internals"));

		// when / then
		this.mvc.perform(get("/api/v1/tokens").with(as(admin())))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.detail").value("The request could not be completed. It has been logged."));
	}

	@Test
	void rotatingAnswers200WithTheNewSecretOnceAndUncached() throws Exception {
		// given
		IssuedToken issued = issued();
		given(this.tokens.rotate(any(), any(), eq(2))).willReturn(issued);

		// when / then
		this.mvc
			.perform(post("/api/v1/tokens/" + issued.view().token().id() + "/rotate").with(as(admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"overlapHours\":2}"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.token").value(issued.secret().reveal()));
	}

	@Test
	void rotatingARevokedTokenAnswers409() throws Exception {
		// given
		given(this.tokens.rotate(any(), any(), any())).willThrow(TestProblems.conflict("token-not-active"));

		// when / then
		this.mvc.perform(post("/api/v1/tokens/" + UUID.randomUUID() + "/rotate").with(as(admin())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/token-not-active"));
	}

	@Test
	void usageAnswers200WithTheDays() throws Exception {
		// given
		given(this.usage.of(any(), any(), eq(2)))
			.willReturn(List.of(new TokenUsage.UsageDay(LocalDate.parse("2026-06-01"), 0),
					new TokenUsage.UsageDay(LocalDate.parse("2026-06-02"), 42)));

		// when / then
		this.mvc.perform(get("/api/v1/tokens/" + UUID.randomUUID() + "/usage?days=2").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days[1].date").value("2026-06-02"))
			.andExpect(jsonPath("$.days[1].requests").value(42));
	}

	@Test
	void usageOfTooManyDaysAnswers400() throws Exception {
		// given
		given(this.usage.of(any(), any(), eq(91)))
			.willThrow(InvalidRequest.parameter("days", "'days' is between 1 and 90."));

		// when / then
		this.mvc.perform(get("/api/v1/tokens/" + UUID.randomUUID() + "/usage?days=91").with(as(admin())))
			.andExpect(status().isBadRequest());
	}

	private static IssuedToken issued() {
		ApiToken token = TestTokens.active(NOW);
		return new IssuedToken(new TokenView(token, "alice"), TestTokens.FORMAT.generate());
	}

}
