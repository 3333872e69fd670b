package dev.latchkey.token;

import java.util.List;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Race;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's own scopes over HTTP (SPEC §8): defined, listed, held by tokens,
 * deleted only while no token holds them, and never seen by another organisation.
 */
class ScopeApiIntegrationTests extends TenantIntegrationTests {

	@Test
	void theListStartsWithTheBuiltInScopesAndAddsTheOrganisationsOwn() {
		// given
		ApiResponse defined = define("deploy", "Deploys to production");

		// when
		ApiResponse list = this.api.get("/api/v1/scopes", this.tenant.adminToken());

		// then
		assertThat(defined.status()).as(defined.body()).isEqualTo(201);
		assertThat(defined.text("name")).isEqualTo("deploy");
		assertThat(defined.json().get("builtIn").asBoolean()).isFalse();
		assertThat(names(list)).containsExactly("api", "read_api", "deploy");
		assertThat(list.json().get(0).get("builtIn").asBoolean()).isTrue();
		assertThat(list.json().get(2).get("description").asString()).isEqualTo("Deploys to production");
	}

	@Test
	void aTokenCreatedWithAnOwnScopeHoldsItAndTheScopeCannotBeDeletedWhileItDoes() {
		// given
		define("deploy", null);
		ApiResponse token = createToken("{\"name\":\"ci\",\"scopes\":[\"deploy\",\"read_api\"]}");

		// when
		ApiResponse refused = this.api.delete("/api/v1/scopes/deploy", this.tenant.adminToken());
		this.api.delete("/api/v1/tokens/" + token.text("id"), this.tenant.adminToken());
		ApiResponse deleted = this.api.delete("/api/v1/scopes/deploy", this.tenant.adminToken());

		// then
		assertThat(token.json().get("scopes").valueStream().map((s) -> s.asString())).containsExactly("deploy",
				"read_api");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("scope-in-use");
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(names(this.api.get("/api/v1/scopes", this.tenant.adminToken()))).containsExactly("api", "read_api");
	}

	@Test
	void aRevokedTokenStillHoldsItsScopeSinceItCanComeBack() {
		define("deploy", null);
		String id = createToken("{\"name\":\"ci\",\"scopes\":[\"deploy\"]}").text("id");
		this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null);

		ApiResponse refused = this.api.delete("/api/v1/scopes/deploy", this.tenant.adminToken());

		assertThat(refused.status()).isEqualTo(409);
	}

	@Test
	void aScopeWhoseNameIsAPrefixOfAHeldOneCanBeDeleted() {
		// given: 'deploy' is held, 'dep' and 'deplo_' (a LIKE wildcard) are not
		define("deploy", null);
		define("dep", null);
		define("deplo_", null);
		createToken("{\"name\":\"ci\",\"scopes\":[\"deploy\"]}");

		// when
		ApiResponse dep = this.api.delete("/api/v1/scopes/dep", this.tenant.adminToken());
		ApiResponse wildcard = this.api.delete("/api/v1/scopes/deplo_", this.tenant.adminToken());

		// then
		assertThat(dep.status()).isEqualTo(204);
		assertThat(wildcard.status()).isEqualTo(204);
	}

	@Test
	void builtInScopesCanBeNeitherDefinedAgainNorDeleted() {
		ApiResponse again = define("api", null);
		ApiResponse delete = this.api.delete("/api/v1/scopes/read_api", this.tenant.adminToken());

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("scope-exists");
		assertThat(delete.status()).isEqualTo(409);
		assertThat(delete.problemType()).isEqualTo("scope-in-use");
	}

	@Test
	void anotherOrganisationNeitherSeesNorUsesNorDeletesOurScopes() {
		// given
		define("deploy", null);
		Tenant other = this.fixtures.tenant();

		// when
		ApiResponse theirList = this.api.get("/api/v1/scopes", other.adminToken());
		ApiResponse theirToken = this.api.post("/api/v1/tokens", other.adminToken(),
				"{\"name\":\"x\",\"scopes\":[\"deploy\"]}");
		ApiResponse theirDelete = this.api.delete("/api/v1/scopes/deploy", other.adminToken());
		ApiResponse theirOwn = this.api.post("/api/v1/scopes", other.adminToken(), "{\"name\":\"deploy\"}");

		// then
		assertThat(names(theirList)).containsExactly("api", "read_api");
		assertThat(theirToken.status()).isEqualTo(400);
		assertThat(theirToken.problemType()).isEqualTo("unknown-scope");
		assertThat(theirDelete.status()).isEqualTo(404);
		assertThat(theirOwn.status()).as("each organisation names its own scopes").isEqualTo(201);
		assertThat(names(this.api.get("/api/v1/scopes", this.tenant.adminToken()))).contains("deploy");
	}

	@Test
	void aGeneralUserCannotManageScopes() {
		Tenant.Member general = generalUserWithToken();

		assertThat(this.api.get("/api/v1/scopes", general.token()).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/scopes", general.token(), "{\"name\":\"x\"}").status()).isEqualTo(403);
	}

	@Test
	void definingAndDeletingAreAudited() {
		define("deploy", null);
		this.api.delete("/api/v1/scopes/deploy", this.tenant.adminToken());

		ApiResponse audit = this.api.get("/api/v1/audit-events", this.tenant.adminToken());

		assertThat(audit.body()).contains("SCOPE_CREATED").contains("SCOPE_DELETED");
	}

	@Test
	void aDeletionRacingACreateThatNamesTheScopeNeverLeavesATokenHoldingADeletedScope() throws Exception {
		for (int round = 0; round < 5; round++) {
			// given
			String scope = "race" + round;
			define(scope, null);

			// when
			String body = "{\"name\":\"r" + round + "\",\"scopes\":[\"" + scope + "\"]}";
			List<ApiResponse> answers = Race
				.of(List.of(() -> this.api.post("/api/v1/tokens", this.tenant.adminToken(), body),
						() -> this.api.delete("/api/v1/scopes/" + scope, this.tenant.adminToken())));

			// then: either the token exists and so does the scope, or neither holds it
			boolean created = answers.get(0).status() == 201;
			boolean deleted = answers.get(1).status() == 204;
			assertThat(created && deleted).as("round %d: %s", round, answers).isFalse();
			assertThat(created || deleted).as("round %d: %s", round, answers).isTrue();
			assertThat(names(this.api.get("/api/v1/scopes", this.tenant.adminToken())).contains(scope))
				.isEqualTo(created);
		}
	}

	/**
	 * Tokens are issued to admins only: an admin with a token, then made a general user.
	 */
	private Tenant.Member generalUserWithToken() {
		Tenant.Member member = this.tenant.anotherAdmin();
		this.api.put("/api/v1/users/" + member.user().id() + "/role", this.tenant.adminToken(), "{\"role\":\"USER\"}");
		return member;
	}

	private ApiResponse define(String name, String description) {
		String body = (description != null) ? "{\"name\":\"" + name + "\",\"description\":\"" + description + "\"}"
				: "{\"name\":\"" + name + "\"}";
		return this.api.post("/api/v1/scopes", this.tenant.adminToken(), body);
	}

	private ApiResponse createToken(String json) {
		ApiResponse created = this.api.post("/api/v1/tokens", this.tenant.adminToken(), json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created;
	}

	private static List<String> names(ApiResponse list) {
		return list.json().valueStream().map((scope) -> scope.get("name").asString()).toList();
	}

}
