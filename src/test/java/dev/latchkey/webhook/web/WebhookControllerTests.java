package dev.latchkey.webhook.web;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.latchkey.system.Forbidden;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.testing.TestProblems;
import dev.latchkey.webhook.CreatedWebhook;
import dev.latchkey.webhook.DeliveryState;
import dev.latchkey.webhook.Destinations;
import dev.latchkey.webhook.Webhook;
import dev.latchkey.webhook.WebhookDelivery;
import dev.latchkey.webhook.WebhookEvents;
import dev.latchkey.webhook.WebhookManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.latchkey.testing.SliceRequests.admin;
import static dev.latchkey.testing.SliceRequests.as;
import static dev.latchkey.testing.SliceRequests.generalUser;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook endpoints in a web slice, one test per status code they answer. Delivery
 * and the guard over real HTTP are in WebhookIntegrationTests.
 */
@ApiSliceTest(WebhookController.class)
class WebhookControllerTests {

	private static final Webhook HOOK = new Webhook(UUID.randomUUID(), OrganisationId.random(),
			"https://hooks.example.com/in", new WebhookEvents(Set.of("token.revoked")), "alice",
			Instant.parse(ApiSliceTest.NOW));

	private static final String CREATE = "{\"url\":\"https://hooks.example.com/in\",\"events\":[\"token.revoked\"]}";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	WebhookManagement webhooks;

	@Test
	void creatingAWebhookAnswers201WithTheSecretOnceAndUncached() throws Exception {
		// given
		given(this.webhooks.create(any(), any(), any())).willReturn(new CreatedWebhook(HOOK, "lkwh_the-secret"));

		// when / then
		this.mvc
			.perform(post("/api/v1/webhooks").with(as(admin())).contentType(MediaType.APPLICATION_JSON).content(CREATE))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.secret").value("lkwh_the-secret"))
			.andExpect(jsonPath("$.events[0]").value("token.revoked"))
			.andExpect(jsonPath("$.allEvents").value(false));
	}

	@Test
	void listingAnswers200WithoutSecrets() throws Exception {
		// given
		given(this.webhooks.list(any())).willReturn(List.of(HOOK));

		// when / then
		this.mvc.perform(get("/api/v1/webhooks").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].url").value("https://hooks.example.com/in"))
			.andExpect(jsonPath("$[0].secret").doesNotExist());
	}

	@Test
	void theDeliveryLogAnswers200NewestFirst() throws Exception {
		// given
		Instant now = Instant.parse(ApiSliceTest.NOW);
		WebhookDelivery delivered = new WebhookDelivery(UUID.randomUUID(), HOOK.id(), "token.revoked", "{}", now, 2,
				now, DeliveryState.DELIVERED, 200, 31L, null, now);
		given(this.webhooks.deliveries(any(), any(), anyInt())).willReturn(List.of(delivered));

		// when / then
		this.mvc.perform(get("/api/v1/webhooks/" + HOOK.id() + "/deliveries").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].state").value("DELIVERED"))
			.andExpect(jsonPath("$[0].attempts").value(2))
			.andExpect(jsonPath("$[0].lastStatusCode").value(200))
			.andExpect(jsonPath("$[0].nextAttemptAt").doesNotExist())
			.andExpect(jsonPath("$[0].body").doesNotExist());
	}

	@Test
	void deletingAnswers204() throws Exception {
		// given
		given(this.webhooks.delete(any(), any())).willReturn(HOOK);

		// when / then
		this.mvc.perform(delete("/api/v1/webhooks/" + HOOK.id()).with(as(admin()))).andExpect(status().isNoContent());
	}

	@Test
	void anInvalidUrlAnswers400WithItsType() throws Exception {
		// given
		given(this.webhooks.create(any(), any(), any())).willAnswer((invocation) -> Destinations.parse("ftp://x/"));

		// when / then
		this.mvc
			.perform(post("/api/v1/webhooks").with(as(admin())).contentType(MediaType.APPLICATION_JSON).content(CREATE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-webhook-url"));
	}

	@Test
	void anInsecureDestinationAnswers400WithItsType() throws Exception {
		// given
		Destinations guard = new Destinations(false, (host) -> List.of(InetAddress.getLoopbackAddress()));
		given(this.webhooks.create(any(), any(), any())).willAnswer((invocation) -> {
			guard.requireAllowed(URI.create("https://localhost/in"));
			return null;
		});

		// when / then
		this.mvc
			.perform(post("/api/v1/webhooks").with(as(admin())).contentType(MediaType.APPLICATION_JSON).content(CREATE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/insecure-webhook-destination"));
	}

	@Test
	void aMissingUrlAnswers400() throws Exception {
		// when / then
		this.mvc
			.perform(post("/api/v1/webhooks").with(as(admin())).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-field"));
	}

	@Test
	void aGeneralUserAnswers403() throws Exception {
		// given
		given(this.webhooks.list(any())).willThrow(new Forbidden("Only organisation administrators manage webhooks."));

		// when / then
		this.mvc.perform(get("/api/v1/webhooks").with(as(generalUser()))).andExpect(status().isForbidden());
	}

	@Test
	void anotherOrganisationsWebhookAnswers404() throws Exception {
		// given
		given(this.webhooks.get(any(), any())).willThrow(new NotFound("webhook"));

		// when / then
		this.mvc.perform(get("/api/v1/webhooks/" + UUID.randomUUID()).with(as(admin())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aDuplicateUrlAnswers409() throws Exception {
		// given
		given(this.webhooks.create(any(), any(), any())).willThrow(TestProblems.conflict("webhook-exists"));

		// when / then
		this.mvc
			.perform(post("/api/v1/webhooks").with(as(admin())).contentType(MediaType.APPLICATION_JSON).content(CREATE))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/webhook-exists"));
	}

}
