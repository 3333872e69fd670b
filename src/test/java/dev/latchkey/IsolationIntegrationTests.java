package dev.latchkey;

import java.util.List;

import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.IntegrationTest;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.Tenant.Member;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An id from another organisation answers 404, whatever the method, and nothing of the
 * other organisation changes.
 */
@IntegrationTest
class IsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void everyIdOfAnotherOrganisationAnswers404AndChangesNothing() {
		Api api = new Api(this.port);
		Tenant mine = this.fixtures.tenant();
		Tenant theirs = this.fixtures.tenant();
		Member victim = theirs.anotherAdmin();
		String tokenId = api.get("/api/v1/tokens?owner=" + victim.user().id(), theirs.adminToken())
			.json()
			.get(0)
			.get("id")
			.asString();
		String userId = victim.user().id().toString();
		String before = api.get("/api/v1/tokens?owner=all", theirs.adminToken()).body();
		String t = mine.adminToken();

		List<ApiResponse> attempts = List.of(api.get("/api/v1/tokens/" + tokenId, t),
				api.post("/api/v1/tokens/" + tokenId + "/revoke", t, null),
				api.post("/api/v1/tokens/" + tokenId + "/reapprove", t, null),
				api.delete("/api/v1/tokens/" + tokenId, t), api.get("/api/v1/tokens?owner=" + userId, t),
				api.get("/api/v1/users/" + userId, t), api.post("/api/v1/users/" + userId + "/deactivate", t, null),
				api.post("/api/v1/users/" + userId + "/reactivate", t, null),
				api.put("/api/v1/users/" + userId + "/license", t, "{\"licensed\":false}"),
				api.put("/api/v1/users/" + userId + "/role", t, "{\"role\":\"USER\"}"));

		assertThat(attempts).allSatisfy((response) -> {
			assertThat(response.status()).as(response.body()).isEqualTo(404);
			assertThat(response.problemType()).isEqualTo("not-found");
		});
		assertThat(api.get("/api/v1/tokens?owner=all", theirs.adminToken()).body()).isEqualTo(before);
		assertThat(api.get("/api/v1/me", victim.token()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/users", t).body()).doesNotContain(userId);
		assertThat(api.get("/api/v1/tokens?owner=all", t).body()).doesNotContain(tokenId);
	}

}
