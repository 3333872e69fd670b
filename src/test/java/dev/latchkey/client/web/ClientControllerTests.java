package dev.latchkey.client.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.latchkey.client.ClientManagement;
import dev.latchkey.client.RegisteredClient;
import dev.latchkey.client.ResourceClient;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.testing.TestProblems;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.latchkey.testing.SliceRequests.admin;
import static dev.latchkey.testing.SliceRequests.as;
import static dev.latchkey.testing.SliceRequests.generalUser;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The resource-server client endpoints in a web slice, one test per status code they
 * answer. Registration over real HTTP is in OAuthIntegrationTests.
 */
@ApiSliceTest(ClientController.class)
class ClientControllerTests {

	private static final ResourceClient ORDERS = new ResourceClient(UUID.randomUUID(), OrganisationId.random(),
			"orders-api", "lkc_orders", "digest", true, Instant.parse(ApiSliceTest.NOW), "alice");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClientManagement clients;

	@Test
	void listingTheClientsAnswers200WithoutSecrets() throws Exception {
		// given
		given(this.clients.list(any())).willReturn(List.of(ORDERS));

		// when / then
		this.mvc.perform(get("/api/v1/clients").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].clientId").value("lkc_orders"))
			.andExpect(jsonPath("$[0].secretDigest").doesNotExist());
	}

	@Test
	void registeringAClientAnswers201WithTheSecretOnceAndUncached() throws Exception {
		// given
		given(this.clients.register(any(), any())).willReturn(new RegisteredClient(ORDERS, "the-secret"));

		// when / then
		this.mvc
			.perform(post("/api/v1/clients").with(as(admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"orders-api\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.clientSecret").value("the-secret"))
			.andExpect(jsonPath("$.name").value("orders-api"));
	}

	@Test
	void registeringWithoutANameAnswers400() throws Exception {
		// when / then
		this.mvc
			.perform(post("/api/v1/clients").with(as(admin())).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-field"));
	}

	@Test
	void registeringAsAGeneralUserAnswers403() throws Exception {
		// given
		given(this.clients.register(any(), any())).willThrow(new Forbidden("Only organisation administrators."));

		// when / then
		this.mvc
			.perform(post("/api/v1/clients").with(as(generalUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"orders-api\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownClientAnswers404() throws Exception {
		// given
		given(this.clients.setEnabled(any(), any(), anyBoolean())).willThrow(new NotFound("client"));

		// when / then
		this.mvc.perform(post("/api/v1/clients/" + UUID.randomUUID() + "/disable").with(as(admin())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aTakenNameAnswers409() throws Exception {
		// given
		given(this.clients.register(any(), any())).willThrow(TestProblems.conflict("client-name-taken"));

		// when / then
		this.mvc
			.perform(post("/api/v1/clients").with(as(admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"orders-api\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/client-name-taken"));
	}

}
