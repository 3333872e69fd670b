package dev.latchkey.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditPage;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.testing.ApiSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.latchkey.testing.SliceRequests.admin;
import static dev.latchkey.testing.SliceRequests.as;
import static dev.latchkey.testing.SliceRequests.generalUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit trail's endpoints in a web slice, the export included, one test per status
 * code they answer. What the trail holds is tested in AuditIntegrationTests and
 * AuditExportIntegrationTests.
 */
@ApiSliceTest(AuditController.class)
class AuditControllerTests {

	private static final AuditEvent CREATED = new AuditEvent(1, Instant.parse("2026-11-27T09:00:00Z"), null,
			"TOKEN_CREATED", "USER", "alice", "203.0.113.7", "TOKEN", "6f1c2a9e", "ci-deploy", null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditTrail trail;

	@Test
	void readingTheTrailAnswers200() throws Exception {
		// given
		given(this.trail.find(any(), any())).willReturn(new AuditPage(List.of(CREATED), 0, 50, false));

		// when / then
		this.mvc.perform(get("/api/v1/audit-events").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].type").value("TOKEN_CREATED"))
			.andExpect(jsonPath("$.hasMore").value(false));
	}

	@Test
	void anUnknownEventTypeAnswers400() throws Exception {
		// when / then
		this.mvc.perform(get("/api/v1/audit-events").param("type", "NO_SUCH_EVENT").with(as(admin())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-parameter"));
	}

	@Test
	void aDateBeyondTheYear9999Answers400() throws Exception {
		// when / then
		this.mvc.perform(get("/api/v1/audit-events").param("to", "+10001-01-01T00:00:00Z").with(as(admin())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-request"));
	}

	@Test
	void readingWithoutAnOrganisationAnswers403() throws Exception {
		// when / then
		this.mvc.perform(get("/api/v1/audit-events").with(as(Actor.operator())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/forbidden"));
	}

	@Test
	void exportingAsJsonLinesAnswers200WithOneEventPerLine() throws Exception {
		// given
		exportHolds(CREATED);

		// when / then
		this.mvc.perform(get("/api/v1/audit-events/export").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("application/x-ndjson")))
			.andExpect(header().string("Content-Disposition", containsString(".jsonl\"")))
			.andExpect(content().string(startsWith("{\"id\":1,")));
	}

	@Test
	void exportingAsCefAnswers200WithCefLines() throws Exception {
		// given
		exportHolds(CREATED);

		// when / then
		this.mvc.perform(get("/api/v1/audit-events/export").param("format", "cef").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".cef\"")))
			.andExpect(content().string(startsWith("CEF:0|Latchkey|Latchkey|")));
	}

	@Test
	void exportingInAnUnknownFormatAnswers400BeforeAnyLine() throws Exception {
		// when / then
		this.mvc.perform(get("/api/v1/audit-events/export").param("format", "xml").with(as(admin())))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist("Content-Disposition"))
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-request"));
	}

	@Test
	void exportingMoreThan90DaysAnswers400() throws Exception {
		// when / then
		this.mvc
			.perform(get("/api/v1/audit-events/export").param("from", "2026-01-01T00:00:00Z")
				.param("to", "2026-06-01T00:00:00Z")
				.with(as(admin())))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist("Content-Disposition"));
	}

	@Test
	void exportingAsAGeneralUserAnswers403() throws Exception {
		// when / then
		this.mvc.perform(get("/api/v1/audit-events/export").with(as(generalUser())))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("Content-Disposition"));
	}

	@SuppressWarnings("unchecked")
	private void exportHolds(AuditEvent event) {
		willAnswer((invocation) -> {
			invocation.getArgument(4, Consumer.class).accept(event);
			return null;
		}).given(this.trail).export(any(), any(), any(), any(), any());
	}

}
