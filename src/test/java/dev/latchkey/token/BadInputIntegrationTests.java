package dev.latchkey.token;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a 4xx problem detail with a stable type and a useful message, never a
 * 500 or a stack trace, and changes nothing.
 */
class BadInputIntegrationTests extends TenantIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	static Stream<Arguments> badTokenRequests() {
		String future = "2099-01-01T00:00:00Z";
		return Stream.of(Arguments.of("{\"name\":\"\"}", 400, "invalid-request"),
				Arguments.of("{\"name\":\"   \"}", 400, "invalid-request"),
				Arguments.of("{\"name\":\"" + "n".repeat(101) + "\"}", 400, "invalid-request"),
				Arguments.of("{\"name\":123}", 400, "invalid-field"),
				Arguments.of("{\"name\":true}", 400, "invalid-field"),
				Arguments.of("{\"name\":[\"a\"]}", 400, "invalid-field"),
				Arguments.of("{\"name\":\"x\",\"expiresInDays\":\"ten\"}", 400, "invalid-field"),
				Arguments.of("{\"name\":\"x\",\"expiresInDays\":1.5}", 400, "invalid-field"),
				Arguments.of("{\"name\":\"x\",\"status\":\"REVOKED\"}", 400, "unknown-field"),
				Arguments.of("{\"name\":\"x\",\"ownerId\":\"" + UUID.randomUUID() + "\"}", 400, "unknown-field"),
				Arguments.of("{\"name\":\"x\",\"token\":\"lkp_chosen\"}", 400, "unknown-field"),
				Arguments.of("{\"name\":", 400, "malformed-body"), Arguments.of("", 400, "malformed-body"),
				Arguments.of("[]", 400, "malformed-body"), Arguments.of("{}", 400, "invalid-field"),
				Arguments.of("{\"name\":\"x\"} trailing", 400, "malformed-body"),
				Arguments.of("{\"name\":\"x\",\"expiresInDays\":366}", 400, "invalid-expiry"),
				Arguments.of("{\"name\":\"x\",\"expiresInDays\":0}", 400, "invalid-expiry"),
				Arguments.of("{\"name\":\"x\",\"expiresInDays\":-5}", 400, "invalid-expiry"),
				Arguments.of("{\"name\":\"x\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}", 400, "invalid-expiry"),
				Arguments.of("{\"name\":\"x\",\"expiresAt\":\"" + future + "\"}", 400, "invalid-expiry"),
				Arguments.of("{\"name\":\"x\",\"expiresAt\":\"tomorrow\"}", 400, "invalid-field"),
				Arguments.of("{\"name\":\"x\",\"expiresInDays\":5,\"expiresAt\":\"" + future + "\"}", 400,
						"invalid-expiry"),
				Arguments.of("{\"name\":\"x\",\"description\":\"" + "d".repeat(501) + "\"}", 400, "invalid-request"),
				Arguments.of("{\"name\":\"bootstrap\"}", 409, "token-name-taken"));
	}

	@ParameterizedTest
	@MethodSource("badTokenRequests")
	void aBadCreateRequestIsRefusedAndChangesNothing(String body, int status, String type) {
		int auditBefore = auditCount();

		ApiResponse response = this.api.post("/api/v1/tokens", this.tenant.adminToken(), body);

		assertProblem(response, status, type);
		assertThat(tokenNames()).containsExactly("bootstrap");
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@Test
	void aBodyThatIsNotJsonIsRefusedWith415() {
		ApiResponse response = this.api.send(this.api.raw("/api/v1/tokens")
			.header("Authorization", "Bearer " + this.tenant.adminToken())
			.header("Content-Type", "text/plain")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=x")));

		assertProblem(response, 415, "http-415");
		assertThat(tokenNames()).containsExactly("bootstrap");
	}

	@Test
	void unknownAndMalformedIdsAnswer404() {
		String token = this.tenant.adminToken();
		String unknown = UUID.randomUUID().toString();

		List<ApiResponse> responses = List.of(this.api.get("/api/v1/tokens/" + unknown, token),
				this.api.get("/api/v1/tokens/not-an-id", token),
				this.api.post("/api/v1/tokens/" + unknown + "/revoke", token, null),
				this.api.post("/api/v1/tokens/" + unknown + "/reapprove", token, null),
				this.api.delete("/api/v1/tokens/" + unknown, token), this.api.get("/api/v1/users/" + unknown, token),
				this.api.get("/api/v1/users/12345", token),
				this.api.post("/api/v1/users/" + unknown + "/deactivate", token, null),
				this.api.get("/api/v1/tokens?owner=" + unknown, token), this.api.get("/api/v1/nothing-here", token));

		assertThat(responses).allSatisfy((response) -> assertProblem(response, 404, null));
	}

	@Test
	void badPoliciesAreRefusedAndTheOldOnesKept() {
		String token = this.tenant.adminToken();
		String before = this.api.get("/api/v1/organisation/policies", token).body();

		assertProblem(put("{\"maxTokensPerLicense\":0,\"defaultTokenLifetimeDays\":90,\"maxTokenLifetimeDays\":365,"
				+ "\"revokeTokensOnLogout\":true}"), 400, "invalid-request");
		assertProblem(put("{\"maxTokensPerLicense\":10,\"defaultTokenLifetimeDays\":400,\"maxTokenLifetimeDays\":365,"
				+ "\"revokeTokensOnLogout\":true}"), 400, "invalid-request");
		assertProblem(put("{\"maxTokensPerLicense\":10,\"defaultTokenLifetimeDays\":90,\"maxTokenLifetimeDays\":365,"
				+ "\"revokeTokensOnLogout\":true,\"licenseSeats\":1000}"), 400, "unknown-field");
		assertProblem(put("{\"maxTokensPerLicense\":10}"), 400, "invalid-field");
		assertProblem(put("{\"maxTokensPerLicense\":\"ten\",\"defaultTokenLifetimeDays\":90,"
				+ "\"maxTokenLifetimeDays\":365,\"revokeTokensOnLogout\":true}"), 400, "invalid-field");

		assertThat(this.api.get("/api/v1/organisation/policies", token).body()).isEqualTo(before);
	}

	@Test
	void badUsersAreRefusedAndNoneCreated() {
		String token = this.tenant.adminToken();
		int usersBefore = this.api.get("/api/v1/users", token).json().size();

		assertProblem(
				createUser("{\"username\":\"ok-name\",\"password\":\"" + Fixtures.PASSWORD + "\",\"role\":\"GOD\"}"),
				400, "invalid-field");
		assertProblem(
				createUser(
						"{\"username\":\"Upper Case\",\"password\":\"" + Fixtures.PASSWORD + "\",\"role\":\"USER\"}"),
				400, "invalid-request");
		assertProblem(createUser("{\"username\":\"short-pw\",\"password\":\"short\",\"role\":\"USER\"}"), 400,
				"weak-password");
		assertProblem(createUser("{\"username\":\"no-pw\",\"role\":\"USER\"}"), 400, "invalid-field");
		assertProblem(createUser("{\"username\":\"x\",\"password\":\"" + Fixtures.PASSWORD
				+ "\",\"role\":\"USER\",\"status\":\"ACTIVE\"}"), 400, "unknown-field");
		assertProblem(this.api.put("/api/v1/users/" + this.tenant.admin().id() + "/license", token, "{}"), 400,
				"invalid-field");

		assertThat(this.api.get("/api/v1/users", token).json().size()).isEqualTo(usersBefore);
	}

	@Test
	void auditQueriesOutsideTheBoundsAreRefused() {
		String token = this.tenant.adminToken();

		assertProblem(this.api.get("/api/v1/audit-events?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", token),
				400, "invalid-request");
		assertProblem(this.api.get("/api/v1/audit-events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", token),
				400, "invalid-request");
		assertProblem(this.api.get("/api/v1/audit-events?from=yesterday", token), 400, "invalid-parameter");
		assertProblem(this.api.get("/api/v1/audit-events?type=NOT_A_TYPE", token), 400, "invalid-parameter");
		assertProblem(this.api.get("/api/v1/audit-events?size=100000", token), 400, "invalid-request");
	}

	private ApiResponse put(String json) {
		return this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), json);
	}

	private ApiResponse createUser(String json) {
		return this.api.post("/api/v1/users", this.tenant.adminToken(), json);
	}

	private static void assertProblem(ApiResponse response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
		assertThat(response.text("detail")).as(response.body()).isNotBlank();
		if (type != null) {
			assertThat(response.problemType()).as(response.body()).isEqualTo(type);
		}
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.latchkey").doesNotContain("SQL");
	}

	private List<String> tokenNames() {
		return this.api.get("/api/v1/tokens", this.tenant.adminToken())
			.json()
			.valueStream()
			.map((t) -> t.get("name").asString())
			.toList();
	}

	private int auditCount() {
		return this.jdbc.sql("select count(*) from audit_events where organisation_id = :org")
			.param("org", this.tenant.organisation().id().value())
			.query(Integer.class)
			.single();
	}

}
