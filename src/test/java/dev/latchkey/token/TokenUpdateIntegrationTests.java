package dev.latchkey.token;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PATCH /api/v1/tokens/{id}} (SPEC §8): renames, describes, moves the allowlist
 * and narrows the scopes, never widens them; each change takes effect at once.
 */
class TokenUpdateIntegrationTests extends TenantIntegrationTests {

	@Test
	void narrowingToReadApiStopsChangesAtOnceAndKeepsReads() {
		// given
		ApiResponse created = create("{\"name\":\"dash\"}");
		String secret = created.text("token");
		assertThat(post("/api/v1/tokens", secret, "{\"name\":\"before\"}").status()).isEqualTo(201);

		// when
		ApiResponse narrowed = patch(created.text("id"), "{\"scopes\":[\"read_api\"]}");

		// then
		assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
		assertThat(narrowed.json().get("scopes").get(0).asString()).isEqualTo("read_api");
		ApiResponse change = post("/api/v1/tokens", secret, "{\"name\":\"after\"}");
		assertThat(change.status()).isEqualTo(403);
		assertThat(change.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"")
			.contains("scope=\"api\"");
		assertThat(change.problemType()).isEqualTo("insufficient-scope");
		assertThat(this.api.get("/api/v1/tokens", secret).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/me", secret).json().get("token").get("scopes").get(0).asString())
			.isEqualTo("read_api");
		assertThat(this.api.get("/api/v1/tokens", this.tenant.adminToken()).body()).doesNotContain("\"after\"");
	}

	@Test
	void wideningIsRefusedAndChangesNothing() {
		// given
		ApiResponse created = create("{\"name\":\"ro\",\"scopes\":[\"read_api\"]}");
		String id = created.text("id");

		// when
		ApiResponse widened = patch(id, "{\"name\":\"renamed\",\"scopes\":[\"api\"]}");

		// then
		assertThat(widened.status()).isEqualTo(409);
		assertThat(widened.problemType()).isEqualTo("scope-widening");
		ApiResponse stored = this.api.get("/api/v1/tokens/" + id, this.tenant.adminToken());
		assertThat(stored.text("name")).isEqualTo("ro");
		assertThat(stored.json().get("scopes").get(0).asString()).isEqualTo("read_api");
	}

	@Test
	void apiNarrowsToAnOwnScopeButNotToOneThatDoesNotExist() {
		this.api.post("/api/v1/scopes", this.tenant.adminToken(), "{\"name\":\"deploy\"}");
		String id = create("{\"name\":\"ci\"}").text("id");

		ApiResponse unknown = patch(id, "{\"scopes\":[\"nope\"]}");
		ApiResponse narrowed = patch(id, "{\"scopes\":[\"deploy\"]}");
		ApiResponse back = patch(id, "{\"scopes\":[\"read_api\"]}");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemType()).isEqualTo("unknown-scope");
		assertThat(narrowed.status()).isEqualTo(200);
		assertThat(back.status()).as("deploy does not grant read_api").isEqualTo(409);
	}

	@Test
	void anAllowlistTakesEffectAtOnceAndClearingItLetsTheTokenInFromAnywhere() {
		// given: the test's requests come from 127.0.0.1
		ApiResponse created = create("{\"name\":\"ci\"}");
		String secret = created.text("token");
		assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(200);

		// when
		ApiResponse elsewhere = patch(created.text("id"), "{\"allowedIps\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}");
		ApiResponse refused = this.api.get("/api/v1/me", secret);
		ApiResponse here = patch(created.text("id"), "{\"allowedIps\":[\"127.0.0.1\"]}");
		ApiResponse admitted = this.api.get("/api/v1/me", secret);
		ApiResponse cleared = patch(created.text("id"), "{\"allowedIps\":[]}");

		// then
		assertThat(elsewhere.json().get("allowedIps").valueStream().map((e) -> e.asString()))
			.containsExactly("203.0.113.0/24", "2001:db8::/32");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).isEqualTo(this.api.get("/api/v1/me", "lkp_unknown").body());
		assertThat(here.status()).isEqualTo(200);
		assertThat(admitted.status()).isEqualTo(200);
		assertThat(cleared.json().get("allowedIps").size()).isZero();
		assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(200);
	}

	@Test
	void renamingToANameTheOwnerAlreadyUsesIsRefused() {
		create("{\"name\":\"first\"}");
		String id = create("{\"name\":\"second\"}").text("id");

		ApiResponse taken = patch(id, "{\"name\":\"first\"}");
		ApiResponse renamed = patch(id, "{\"name\":\"third\",\"description\":\"moved\"}");
		ApiResponse undescribed = patch(id, "{\"description\":\"\"}");

		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.problemType()).isEqualTo("token-name-taken");
		assertThat(renamed.text("name")).isEqualTo("third");
		assertThat(renamed.text("description")).isEqualTo("moved");
		assertThat(undescribed.json().get("description").isNull()).isTrue();
	}

	@Test
	void anotherOrganisationGets404AndChangesNothing() {
		String id = create("{\"name\":\"ours\"}").text("id");
		Tenant other = this.fixtures.tenant();

		ApiResponse theirs = this.api.patch("/api/v1/tokens/" + id, other.adminToken(),
				"{\"allowedIps\":[\"198.51.100.1\"]}");

		assertThat(theirs.status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/tokens/" + id, this.tenant.adminToken()).json().get("allowedIps").size())
			.isZero();
	}

	@Test
	void aReadOnlyTokenCannotChangeItself() {
		ApiResponse created = create("{\"name\":\"ro\",\"scopes\":[\"read_api\"]}");

		ApiResponse itself = this.api.patch("/api/v1/tokens/" + created.text("id"), created.text("token"),
				"{\"allowedIps\":[]}");

		assertThat(itself.status()).isEqualTo(403);
	}

	@Test
	void aChangeIsAuditedWithWhatChangedAndAnEmptyChangeIsNot() {
		String id = create("{\"name\":\"ci\"}").text("id");

		patch(id, "{}");
		patch(id, "{\"scopes\":[\"read_api\"],\"allowedIps\":[\"198.51.100.0/24\"]}");

		ApiResponse audit = this.api.get("/api/v1/audit-events?type=TOKEN_UPDATED", this.tenant.adminToken());
		assertThat(audit.body()).contains("scopes=read_api").contains("allowedIps=198.51.100.0/24");
		assertThat(audit.body().split("TOKEN_UPDATED", -1)).hasSize(2);
	}

	private ApiResponse create(String json) {
		ApiResponse created = post("/api/v1/tokens", this.tenant.adminToken(), json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created;
	}

	private ApiResponse post(String path, String token, String json) {
		return this.api.post(path, token, json);
	}

	private ApiResponse patch(String id, String json) {
		return this.api.patch("/api/v1/tokens/" + id, this.tenant.adminToken(), json);
	}

}
