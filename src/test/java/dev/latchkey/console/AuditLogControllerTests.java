package dev.latchkey.console;

import java.time.Instant;
import java.util.List;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditPage;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.latchkey.console.ConsolePageTest.Sessions.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Admin → Audit log in a web slice behind the console's filter chain, one test per status
 * the page answers. What the trail holds is tested in AuditIntegrationTests.
 */
@ConsolePageTest(AuditLogController.class)
class AuditLogControllerTests {

	private final User admin = TestUsers.admin();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditTrail trail;

	@Test
	void theTrailAnswers200ToAnAdmin() throws Exception {
		// given
		AuditEvent created = new AuditEvent(1, Instant.parse("2026-11-27T09:00:00Z"), null, "TOKEN_CREATED", "USER",
				this.admin.username(), "203.0.113.7", "TOKEN", "6f1c2a9e", "ci-deploy", null);
		given(this.trail.find(any(), any())).willReturn(new AuditPage(List.of(created), 0, 50, false));

		// when / then
		this.mvc.perform(get("/admin/audit").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("audit"))
			.andExpect(content().string(containsString("ci-deploy")));
	}

	@Test
	void theTrailRedirectsAnAnonymousVisitorToSignIn() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/audit")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theTrailIsForbiddenToAGeneralUser() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/audit").with(signedIn(TestUsers.user())))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/forbidden"));
	}

	@Test
	void aFromAfterToAnswers400WithTheReasonOnThePage() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/audit").param("from", "2026-11-20").param("to", "2026-11-10").with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("audit"))
			.andExpect(model().attribute("error", containsString("“From” must be before “To”")));
	}

	@Test
	void aDateThatIsNoDateAnswers400() throws Exception {
		// when / then
		this.mvc.perform(get("/admin/audit").param("from", "yesterday").with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error"));
	}

	private RequestPostProcessor asAdmin() {
		return signedIn(this.admin);
	}

}
