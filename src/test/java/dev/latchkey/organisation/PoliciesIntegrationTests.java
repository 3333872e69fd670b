package dev.latchkey.organisation;

import java.time.Duration;
import java.time.Instant;

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
