package dev.latchkey.auth.web;

import java.time.Instant;

import dev.latchkey.auth.TestAuthentications;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.token.TestTokens;
import dev.latchkey.token.TokenCredential;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/me} in a web slice. It answers 200 only: a request without a
 * verified token never reaches it (401 is the API chain's answer, tested in
 * AuthenticationIntegrationTests).
 */
@ApiSliceTest(MeController.class)
class MeControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aVerifiedTokenAnswers200WithItsOwnerOrganisationAndItself() throws Exception {
		// given
		TokenCredential credential = TestTokens.credential(Instant.parse(ApiSliceTest.NOW));

		// when / then
		this.mvc.perform(get("/api/v1/me").with(authentication(TestAuthentications.of(credential))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user.id").value(credential.ownerId().toString()))
			.andExpect(jsonPath("$.user.username").value(credential.username()))
			.andExpect(jsonPath("$.user.role").value("ORG_ADMIN"))
			.andExpect(jsonPath("$.organisation.name").value("acme"))
			.andExpect(jsonPath("$.token.id").value(credential.tokenId().toString()))
			.andExpect(jsonPath("$.token.expiresAt").value(credential.expiresAt().toString()));
	}

}
