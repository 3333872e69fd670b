package dev.latchkey.user.web;

import java.util.List;

import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.NotFound;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.testing.TestProblems;
import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.latchkey.testing.SliceRequests.admin;
import static dev.latchkey.testing.SliceRequests.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The user endpoints in a web slice, one test per status code they answer, with the use
 * cases mocked. The rules themselves are tested in UserLifecycleIntegrationTests.
 */
@ApiSliceTest(UserController.class)
class UserControllerTests {

	private static final String NEW_USER = """
			{"username":"carol","password":"correct horse battery staple","role":"USER","licensed":true}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserManagement users;

	@Test
	void listingTheOrganisationsUsersAnswers200() throws Exception {
		// given
		User user = TestUsers.user();
		given(this.users.list(any(), any())).willReturn(List.of(user));

		// when / then
		this.mvc.perform(get("/api/v1/users").with(as(admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].username").value(user.username()))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"));
	}

	@Test
	void creatingAUserAnswers201WithTheUser() throws Exception {
		// given
		User created = TestUsers.user();
		given(this.users.create(any(), any(), any())).willReturn(created);

		// when / then
		this.mvc
			.perform(post("/api/v1/users").with(as(admin())).contentType(MediaType.APPLICATION_JSON).content(NEW_USER))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(created.id().toString()))
			.andExpect(jsonPath("$.password").doesNotExist());
	}

	@Test
	void creatingAUserWithoutARoleAnswers400() throws Exception {
		// given
		String withoutRole = "{\"username\":\"carol\",\"password\":\"correct horse battery staple\"}";

		// when / then
		this.mvc.perform(
				post("/api/v1/users").with(as(admin())).contentType(MediaType.APPLICATION_JSON).content(withoutRole))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/invalid-field"));
	}

	@Test
	void anActorWithoutAnOrganisationAnswers403() throws Exception {
		// given
		Actor operator = Actor.operator();

		// when / then
		this.mvc.perform(get("/api/v1/users").with(as(operator)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/forbidden"));
	}

	@Test
	void deactivatingAsAGeneralUserAnswers403() throws Exception {
		// given
		given(this.users.deactivate(any(), any())).willThrow(new Forbidden("Only organisation administrators."));

		// when / then
		this.mvc.perform(post("/api/v1/users/" + TestUsers.user().id() + "/deactivate").with(as(admin())))
			.andExpect(status().isForbidden());
	}

	@Test
	void aUserOfAnotherOrganisationAnswers404() throws Exception {
		// given
		given(this.users.get(any(), any())).willThrow(new NotFound("user"));

		// when / then
		this.mvc.perform(get("/api/v1/users/" + TestUsers.user().id()).with(as(admin())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/not-found"));
	}

	@Test
	void removingTheLastSeatHoldersLicenseWhenRefusedAnswers409() throws Exception {
		// given
		given(this.users.setLicensed(any(), any(), anyBoolean())).willThrow(TestProblems.conflict("last-admin"));

		// when / then
		this.mvc
			.perform(put("/api/v1/users/" + TestUsers.user().id() + "/license").with(as(admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"licensed\":false}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://latchkey.dev/problems/last-admin"));
	}

}
