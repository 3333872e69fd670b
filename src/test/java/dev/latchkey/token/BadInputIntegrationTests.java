package dev.latchkey.token;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.ConsoleClient;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.LogCapture;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

	static Stream<Arguments> outOfRangeAuditQueries() {
		return Stream.of(Arguments.of("to=%2B1000000000-12-31T23:59:59Z", "to"),
				Arguments.of("from=%2B1000000000-12-31T23:59:59Z", "from"),
				Arguments.of("to=-1000000000-01-01T00:00:00Z", "to"), Arguments.of("from=0000-01-01T00:00:00Z", "from"),
				Arguments.of("to=0000-01-08T00:00:00Z", "to"), Arguments.of("from=-0001-06-01T00:00:00Z", "from"),
				Arguments.of("to=%2B10000-01-01T00:00:01Z", "to"),
				Arguments.of("from=%2B10000-01-01T00:00:00Z&to=%2B10000-01-02T00:00:00Z", "to"),
				Arguments.of("from=%2B10000-01-01T00:00:00Z", "from"), Arguments.of("to=1969-12-31T23:59:59Z", "to"),
				Arguments.of("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from"),
				Arguments.of("from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from"),
				Arguments.of("from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", "from"),
				Arguments.of("from=1970-01-01T00:00:00Z&to=9999-12-31T23:59:59Z", "from"),
				Arguments.of("from=yesterday", "from"), Arguments.of("to=99999999999999999999", "to"));
	}

	@ParameterizedTest
	@MethodSource("outOfRangeAuditQueries")
	void anAuditQueryOutOfRangeIsA400NamingTheParameterWithoutAStackTrace(String query, String parameter) {
		try (LogCapture log = LogCapture.start()) {
			ApiResponse page = this.api.get("/api/v1/audit-events?" + query, this.tenant.adminToken());
			ApiResponse export = this.api.get("/api/v1/audit-events/export?" + query, this.tenant.adminToken());

			assertParameterProblem(page, parameter);
			assertParameterProblem(export, parameter);
			assertThat(export.header("Content-Disposition")).as("nothing streamed").isNull();
			assertThat(log.stackTraces()).isEmpty();
			assertThat(log.errors()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=-1", "size=0", "size=501", "size=100000", "size=99999999999", "page=-1",
			"page=99999999999", "type=NOT_A_TYPE" })
	void anAuditPageOutOfRangeIsA400NamingTheParameter(String query) {
		try (LogCapture log = LogCapture.start()) {
			ApiResponse response = this.api.get("/api/v1/audit-events?" + query, this.tenant.adminToken());

			assertParameterProblem(response, query.substring(0, query.indexOf('=')));
			assertThat(log.stackTraces()).isEmpty();
		}
	}

	@Test
	void theLastPageNumberThatFitsAnswersAnEmptyPage() {
		ApiResponse response = this.api.get("/api/v1/audit-events?size=500&page=" + Integer.MAX_VALUE,
				this.tenant.adminToken());

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("items").size()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "to=%2B1000000000-12-31", "to=%2B999999999-12-31", "from=%2B999999999-12-31",
			"to=-999999999-01-01", "from=0000-01-01", "from=1969-12-31", "to=%2B10000-01-01",
			"from=2026-02-01&to=2026-01-01", "from=2026-01-01&to=2026-06-01", "page=99999999999", "from=yesterday" })
	void theConsolesAuditPageRefusesDatesOutOfRangeWithoutAStackTrace(String query) {
		ConsoleClient console = new ConsoleClient(this.port);
		console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);

		try (LogCapture log = LogCapture.start()) {
			ApiResponse response = console.get("/admin/audit?" + query);

			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.latchkey");
			assertThat(log.stackTraces()).isEmpty();
			assertThat(log.errors()).isEmpty();
		}
	}

	static Stream<Arguments> badScopesAndAllowlists() {
		String twentyOneScopes = IntStream.range(0, 21)
			.mapToObj((i) -> "\"s" + i + "\"")
			.collect(Collectors.joining(",", "[", "]"));
		String twentyOneAddresses = IntStream.range(0, 21)
			.mapToObj((i) -> "\"10." + i + ".0.0/16\"")
			.collect(Collectors.joining(",", "[", "]"));
		return Stream.of(Arguments.of("\"scopes\":[\"nope\"]", 400, "unknown-scope", "'nope'"),
				Arguments.of("\"scopes\":[\"api\",\"nope\"]", 400, "unknown-scope", "'nope'"),
				Arguments.of("\"scopes\":[\"Not A Scope\"]", 400, "invalid-scope", "scope"),
				Arguments.of("\"scopes\":[\"\"]", 400, "invalid-scope", "scope"),
				Arguments.of("\"scopes\":[\"" + "s".repeat(65) + "\"]", 400, "invalid-scope", "scope"),
				Arguments.of("\"scopes\":[]", 400, "invalid-request", "at least one"),
				Arguments.of("\"scopes\":" + twentyOneScopes, 400, "invalid-request", "20"),
				Arguments.of("\"scopes\":\"api\"", 400, null, null),
				Arguments.of("\"scopes\":{\"api\":true}", 400, null, null),
				Arguments.of("\"scopes\":[[\"api\"]]", 400, null, null),
				// was a 500: a null name reached the pattern
				Arguments.of("\"scopes\":[null]", 400, "invalid-scope", "scope"),
				Arguments.of("\"scopes\":[true]", 400, null, null),
				Arguments.of("\"allowedIps\":[\"not-an-address\"]", 400, "invalid-allowed-ips", "Entry 1"),
				Arguments.of("\"allowedIps\":[\"10.0.0.1\",\"example.com\"]", 400, "invalid-allowed-ips", "Entry 2"),
				Arguments.of("\"allowedIps\":[\"10.1\"]", 400, "invalid-allowed-ips", "Entry 1"),
				Arguments.of("\"allowedIps\":[\"10.0.0.1" + " ".repeat(60) + "1\"]", 400, "invalid-allowed-ips",
						"Entry 1"),
				Arguments.of("\"allowedIps\":" + twentyOneAddresses, 400, "invalid-allowed-ips", "at most 20"),
				Arguments.of("\"allowedIps\":[\"0.0.0.0/0\"]", 400, "invalid-allowed-ips", "/0"),
				Arguments.of("\"allowedIps\":[\"::/0\"]", 400, "invalid-allowed-ips", "/0"),
				Arguments.of("\"allowedIps\":[\"10.1.2.3/8\"]", 400, "invalid-allowed-ips", "10.0.0.0/8"),
				Arguments.of("\"allowedIps\":[\"10.0.0.0/8\",\"10.0.0.0/8\"]", 400, "invalid-allowed-ips", "repeats"),
				Arguments.of("\"allowedIps\":[\"10.0.0.0/8\",\"10.0.0.0/08\"]", 400, "invalid-allowed-ips", "Entry 2"),
				Arguments.of("\"allowedIps\":[\"10.0.0.1-5\"]", 400, "invalid-allowed-ips", "Entry 1"),
				Arguments.of("\"allowedIps\":[\"10.0.0.*\"]", 400, "invalid-allowed-ips", "Entry 1"),
				Arguments.of("\"allowedIps\":[\"10.0.0.0/255.0.0.0\"]", 400, "invalid-allowed-ips", "Entry 1"),
				Arguments.of("\"allowedIps\":[\"fe80::1%eth0\"]", 400, "invalid-allowed-ips", "Entry 1"),
				Arguments.of("\"allowedIps\":[\"\"]", 400, "invalid-allowed-ips", "Entry 1"),
				Arguments.of("\"allowedIps\":[null]", 400, "invalid-allowed-ips", "Entry 1"),
				Arguments.of("\"allowedIps\":\"10.0.0.0/8\"", 400, null, null),
				Arguments.of("\"allowedIps\":{\"10.0.0.0/8\":1}", 400, null, null),
				Arguments.of("\"allowedIps\":[[\"10.0.0.0/8\"]]", 400, null, null),
				Arguments.of("\"allowedIps\":[10]", 400, "invalid-field", "allowedIps"));
	}

	@ParameterizedTest
	@MethodSource("badScopesAndAllowlists")
	void aCreateWithBadScopesOrAllowlistIsRefusedAndChangesNothing(String field, int status, String type,
			String detail) {
		defineScope("deploy");
		int auditBefore = auditCount();

		try (LogCapture log = LogCapture.start()) {
			ApiResponse response = this.api.post("/api/v1/tokens", this.tenant.adminToken(),
					"{\"name\":\"x\"," + field + "}");

			assertProblem(response, status, type);
			if (detail != null) {
				assertThat(response.text("detail")).as(response.body()).contains(detail);
			}
			assertThat(log.stackTraces()).isEmpty();
			assertThat(log.errors()).isEmpty();
		}
		assertThat(tokenNames()).containsExactly("bootstrap");
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@ParameterizedTest
	@MethodSource("badScopesAndAllowlists")
	void aPatchWithBadScopesOrAllowlistIsRefusedAndLeavesTheTokenAsItWas(String field, int status, String type,
			String detail) {
		defineScope("deploy");
		String id = createToken("{\"name\":\"narrow\",\"scopes\":[\"api\"],\"allowedIps\":[\"198.51.100.0/24\"]}");
		String before = tokenJson(id);
		int auditBefore = auditCount();

		ApiResponse response = patch(id, "{\"name\":\"renamed\"," + field + "}");

		assertProblem(response, status, type);
		if (detail != null) {
			assertThat(response.text("detail")).as(response.body()).contains(detail);
		}
		assertThat(tokenJson(id)).isEqualTo(before);
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"scopes\":[\"api\"]}", "{\"scopes\":[\"read_api\",\"deploy\",\"metrics\"]}",
			"{\"scopes\":[\"deploy\",\"api\"]}", "{\"name\":\"renamed\",\"scopes\":[\"metrics\"]}",
			"{\"allowedIps\":[],\"scopes\":[\"api\"]}" })
	void wideningAPatchedTokensScopesIsA409AndChangesNothing(String body) {
		defineScope("deploy");
		defineScope("metrics");
		String id = createToken(
				"{\"name\":\"narrow\",\"scopes\":[\"read_api\",\"deploy\"]," + "\"allowedIps\":[\"198.51.100.0/24\"]}");
		String before = tokenJson(id);
		int auditBefore = auditCount();

		ApiResponse response = patch(id, body);

		assertProblem(response, 409, "scope-widening");
		assertThat(tokenJson(id)).isEqualTo(before);
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@Test
	void patchingWithAnUnknownFieldOrOnAnUnknownTokenChangesNothing() {
		String id = createToken("{\"name\":\"narrow\"}");
		String before = tokenJson(id);

		assertProblem(patch(id, "{\"status\":\"REVOKED\"}"), 400, "unknown-field");
		assertProblem(patch(id, "{\"expiresAt\":\"2099-01-01T00:00:00Z\"}"), 400, "unknown-field");
		assertProblem(patch(id, "{\"scopes\":"), 400, "malformed-body");
		assertProblem(patch(id, "[]"), 400, "malformed-body");
		assertProblem(patch(UUID.randomUUID().toString(), "{\"scopes\":[\"read_api\"]}"), 404, null);
		assertProblem(patch("not-an-id", "{\"scopes\":[\"read_api\"]}"), 404, null);

		assertThat(tokenJson(id)).isEqualTo(before);
	}

	static Stream<Arguments> badScopeDefinitions() {
		return Stream.of(Arguments.of("{\"name\":\"Not Valid\"}", 400, "invalid-scope"),
				Arguments.of("{\"name\":\"\"}", 400, "invalid-scope"),
				Arguments.of("{\"name\":\"9lives\"}", 400, "invalid-scope"),
				Arguments.of("{\"name\":\"" + "s".repeat(65) + "\"}", 400, "invalid-scope"),
				Arguments.of("{\"name\":\"ok\",\"description\":\"" + "d".repeat(201) + "\"}", 400, "invalid-request"),
				Arguments.of("{\"name\":\"deploy\"}", 409, "scope-exists"),
				Arguments.of("{\"name\":\"deploy\",\"description\":\"again\"}", 409, "scope-exists"),
				Arguments.of("{\"name\":\"api\"}", 409, "scope-exists"),
				Arguments.of("{\"name\":\"read_api\"}", 409, "scope-exists"), Arguments.of("{}", 400, "invalid-field"),
				Arguments.of("{\"name\":null}", 400, "invalid-field"),
				Arguments.of("{\"name\":[\"ok\"]}", 400, "invalid-field"),
				Arguments.of("{\"name\":\"ok\",\"builtIn\":true}", 400, "unknown-field"),
				Arguments.of("{\"name\":", 400, "malformed-body"));
	}

	@ParameterizedTest
	@MethodSource("badScopeDefinitions")
	void aBadScopeDefinitionIsRefusedAndTheScopesStayAsTheyWere(String body, int status, String type) {
		defineScope("deploy");
		String before = scopesJson();
		int auditBefore = auditCount();

		ApiResponse response = this.api.post("/api/v1/scopes", this.tenant.adminToken(), body);

		assertProblem(response, status, type);
		assertThat(scopesJson()).isEqualTo(before);
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@Test
	void deletingAHeldBuiltInUnknownOrMalformedScopeIsRefusedAndChangesNothing() {
		defineScope("deploy");
		String id = createToken("{\"name\":\"holder\",\"scopes\":[\"deploy\"]}");
		this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null);
		String scopesBefore = scopesJson();
		String tokenBefore = tokenJson(id);
		int auditBefore = auditCount();

		ApiResponse held = this.api.delete("/api/v1/scopes/deploy", this.tenant.adminToken());
		ApiResponse builtIn = this.api.delete("/api/v1/scopes/api", this.tenant.adminToken());
		ApiResponse unknown = this.api.delete("/api/v1/scopes/nothing-here", this.tenant.adminToken());
		ApiResponse malformed = this.api.delete("/api/v1/scopes/Not%20Valid", this.tenant.adminToken());

		assertProblem(held, 409, "scope-in-use");
		assertThat(held.text("detail")).contains("'deploy'");
		assertProblem(builtIn, 409, "scope-in-use");
		assertThat(builtIn.text("detail")).contains("built in");
		assertProblem(unknown, 404, null);
		assertProblem(malformed, 400, "invalid-scope");
		assertThat(scopesJson()).isEqualTo(scopesBefore);
		assertThat(tokenJson(id)).isEqualTo(tokenBefore);
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@Test
	void anotherOrganisationsScopeIsUnknownHere() {
		Tenant other = this.fixtures.tenant();
		assertThat(this.api.post("/api/v1/scopes", other.adminToken(), "{\"name\":\"theirs\"}").status())
			.isEqualTo(201);
		int auditBefore = auditCount();

		ApiResponse create = this.api.post("/api/v1/tokens", this.tenant.adminToken(),
				"{\"name\":\"x\",\"scopes\":[\"theirs\"]}");
		ApiResponse delete = this.api.delete("/api/v1/scopes/theirs", this.tenant.adminToken());

		assertProblem(create, 400, "unknown-scope");
		assertProblem(delete, 404, null);
		assertThat(tokenNames()).containsExactly("bootstrap");
		assertThat(auditCount()).isEqualTo(auditBefore);
		assertThat(this.api.get("/api/v1/scopes", other.adminToken()).body()).contains("\"theirs\"");
	}

	private void defineScope(String name) {
		ApiResponse response = this.api.post("/api/v1/scopes", this.tenant.adminToken(),
				"{\"name\":\"" + name + "\",\"description\":\"for tests\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private String createToken(String body) {
		ApiResponse response = this.api.post("/api/v1/tokens", this.tenant.adminToken(), body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.text("id");
	}

	private ApiResponse patch(String id, String json) {
		return this.api.send(this.api.raw("/api/v1/tokens/" + id)
			.header("Authorization", "Bearer " + this.tenant.adminToken())
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json)));
	}

	private String tokenJson(String id) {
		ApiResponse response = this.api.get("/api/v1/tokens/" + id, this.tenant.adminToken());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private String scopesJson() {
		ApiResponse response = this.api.get("/api/v1/scopes", this.tenant.adminToken());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static void assertParameterProblem(ApiResponse response, String parameter) {
		assertProblem(response, 400, null);
		assertThat(response.json().path("parameter").asString()).as(response.body()).isEqualTo(parameter);
		assertThat(response.text("detail")).as(response.body()).contains("'" + parameter + "'");
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
