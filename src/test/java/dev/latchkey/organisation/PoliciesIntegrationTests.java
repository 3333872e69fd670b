package dev.latchkey.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §3: the organisation's policies, their defaults, and their effect on new tokens.
 */
class PoliciesIntegrationTests extends TenantIntegrationTests {

	@Test
	void aNewOrganisationHasTheDefaultPolicies() {
		ApiResponse policies = this.api.get("/api/v1/organisation/policies", this.tenant.adminToken());

		assertThat(policies.json().get("maxTokensPerLicense").asInt()).isEqualTo(10);
		assertThat(policies.json().get("defaultTokenLifetimeDays").asInt()).isEqualTo(90);
		assertThat(policies.json().get("maxTokenLifetimeDays").asInt()).isEqualTo(365);
		assertThat(policies.json().get("revokeTokensOnLogout").asBoolean()).isTrue();
		assertThat(policies.json().get("licenseSeats").asInt()).isEqualTo(5);
		assertThat(policies.json().get("revokeTokensUnusedForDays").isNull()).isTrue();
		assertThat(policies.json().get("expiryReminderDays").toString()).isEqualTo("[7,1]");
	}

	@Test
	void theLifecyclePoliciesAreWrittenAndReadBack() {
		// when
		ApiResponse changed = this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(),
				policies("30", "[1, 14, 3]"));
		ApiResponse read = this.api.get("/api/v1/organisation/policies", this.tenant.adminToken());

		// then
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(read.json().get("revokeTokensUnusedForDays").asInt()).isEqualTo(30);
		assertThat(read.json().get("expiryReminderDays").toString()).isEqualTo("[14,3,1]");
	}

	@Test
	void noReminderDaysTurnRemindersOffAndNullKeepsUnusedTokens() {
		// given
		this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), policies("30", "[7]"));

		// when
		ApiResponse changed = this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(),
				policies("null", "[]"));

		// then
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		ApiResponse read = this.api.get("/api/v1/organisation/policies", this.tenant.adminToken());
		assertThat(read.json().get("revokeTokensUnusedForDays").isNull()).isTrue();
		assertThat(read.json().get("expiryReminderDays").toString()).isEqualTo("[]");
	}

	@Test
	void eachBadLifecyclePolicyIsA400NamingItsFieldAndChangesNothing() {
		// given
		this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), policies("30", "[7, 1]"));

		// when
		List<ApiResponse> refused = List.of(
				this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), policies("0", "[7]")),
				this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), policies("366", "[7]")),
				this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), policies("5", "[91]")),
				this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), policies("5", "[0]")),
				this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), policies("5", "[7, 7]")),
				this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(),
						policies("5", "[1, 2, 3, 4, 5, 6]")),
				this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), policies("5", "[7, null]")));

		// then
		List<String> fields = List.of("revokeTokensUnusedForDays", "revokeTokensUnusedForDays", "expiryReminderDays",
				"expiryReminderDays", "expiryReminderDays", "expiryReminderDays", "expiryReminderDays");
		for (int i = 0; i < refused.size(); i++) {
			ApiResponse response = refused.get(i);
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.text("detail")).contains(fields.get(i));
			assertThat(response.text("parameter")).isEqualTo(fields.get(i));
		}
		ApiResponse read = this.api.get("/api/v1/organisation/policies", this.tenant.adminToken());
		assertThat(read.json().get("revokeTokensUnusedForDays").asInt()).isEqualTo(30);
		assertThat(read.json().get("expiryReminderDays").toString()).isEqualTo("[7,1]");
	}

	@Test
	void leftOutLifecyclePoliciesTakeTheirDefaults() {
		// given
		this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(), policies("30", "[3]"));

		// when
		ApiResponse changed = this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(),
				"{\"maxTokensPerLicense\":10,\"defaultTokenLifetimeDays\":90,\"maxTokenLifetimeDays\":365,"
						+ "\"revokeTokensOnLogout\":true}");

		// then
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("revokeTokensUnusedForDays").isNull()).isTrue();
		assertThat(changed.json().get("expiryReminderDays").toString()).isEqualTo("[7,1]");
	}

	private static String policies(String unusedDays, String reminderDays) {
		return "{\"maxTokensPerLicense\":10,\"defaultTokenLifetimeDays\":90,\"maxTokenLifetimeDays\":365,"
				+ "\"revokeTokensOnLogout\":true,\"revokeTokensUnusedForDays\":" + unusedDays
				+ ",\"expiryReminderDays\":" + reminderDays + "}";
	}

	@Test
	void changedPoliciesApplyToNewTokens() {
		ApiResponse changed = this.api.put("/api/v1/organisation/policies", this.tenant.adminToken(),
				"{\"maxTokensPerLicense\":2,\"defaultTokenLifetimeDays\":7,\"maxTokenLifetimeDays\":30,"
						+ "\"revokeTokensOnLogout\":false}");

		ApiResponse defaulted = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"weekly\"}");
		ApiResponse tooLong = this.api.post("/api/v1/tokens", this.tenant.adminToken(),
				"{\"name\":\"long\",\"expiresInDays\":31}");
		ApiResponse overLimit = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"third\"}");

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("revokeTokensOnLogout").asBoolean()).isFalse();
		assertThat(Instant.parse(defaulted.text("expiresAt"))).isBetween(
				this.clock.instant().plus(Duration.ofDays(7)).minusSeconds(60),
				this.clock.instant().plus(Duration.ofDays(7)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.text("detail")).contains("30 days");
		assertThat(overLimit.status()).isEqualTo(409);
		assertThat(overLimit.text("detail")).contains("at most 2 tokens");
	}

}
