package dev.latchkey.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.latchkey.client.ClientManagement;
import dev.latchkey.client.RegisteredClient;
import dev.latchkey.client.ResourceClient;
import dev.latchkey.system.NotFound;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.latchkey.console.ConsolePageTest.Sessions.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Admin → Clients in a web slice behind the console's filter chain, one test per status
 * the page answers. The page in a browser is tested in ConsoleClientsIntegrationTests.
 */
@ConsolePageTest(ClientsController.class)
class ClientsControllerTests {

	private final User admin = TestUsers.admin();

	private final ResourceClient orders = new ResourceClient(UUID.randomUUID(), this.admin.organisationId(),
			"orders-api", "lkc_orders", "digest", true, Instant.parse(ApiSliceTest.NOW), this.admin.id().toString());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClientManagement clients;

	@Autowired
	UserManagement userManagement;

	@Test
	void theListAnswers200ToAnAdmin() throws Exception {
		// given
		given(this.clients.list(any())).willReturn(List.of(this.orders));

		// when / then
		this.mvc.perform(get("/admin/clients").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("clients"))
			.andExpect(content().string(containsString("lkc_orders")));
	}

	@Test
	void theListRedirectsAnAnonymousVisitorToSignIn() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/clients")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theListIsForbiddenToAGeneralUser() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/clients").with(signedIn(TestUsers.user())))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/forbidden"));
	}

	@Test
	void registeringShowsTheSecretOnceUncached() throws Exception {
		// given
		given(this.clients.register(any(), any())).willReturn(new RegisteredClient(this.orders, "the-client-secret"));

		// when / then
		this.mvc.perform(post("/admin/clients").param("name", "orders-api").with(asAdmin()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(containsString("the-client-secret")));
	}

	@Test
	void registeringWithoutANameAnswers400AndRegistersNothing() throws Exception {
		// when
		this.mvc.perform(post("/admin/clients").param("name", "  ").with(asAdmin()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("clients"));

		// then
		then(this.clients).should(org.mockito.Mockito.never()).register(any(), any());
	}

	@Test
	void confirmingAnActionOnAnUnknownClientAnswers404() throws Exception {
		// given
		given(this.clients.get(any(), any())).willThrow(new NotFound("client"));

		// when / then
		this.mvc.perform(get("/admin/clients/" + UUID.randomUUID() + "/disable").with(asAdmin()))
			.andExpect(status().isNotFound())
			.andExpect(view().name("problem"));
	}

	private RequestPostProcessor asAdmin() {
		return signedIn(this.admin);
	}

}
