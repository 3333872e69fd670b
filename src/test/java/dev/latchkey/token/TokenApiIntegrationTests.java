package dev.latchkey.token;

import java.time.Duration;
import java.time.Instant;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenApiIntegrationTests extends TenantIntegrationTests {

	@Test
	void anAdminCreatesATokenAndSeesTheSecretOnceWithNoStore() {
		ApiResponse created = create("deploy-bot", "{\"name\":\"deploy-bot\",\"description\":\"CI\"}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Cache-Control")).contains("no-store");
		String secret = created.text("token");
		assertThat(secret).matches("lkp_[0-9A-Za-z]{36}");
		assertThat(created.text("hint")).isEqualTo("lkp_…" + secret.substring(secret.length() - 4));
		assertThat(created.text("status")).isEqualTo("ACTIVE");
		assertThat(created.json().get("owner").get("username").asString()).isEqualTo(this.tenant.admin().username());
		assertThat(created.text("createdBy")).isEqualTo(this.tenant.admin().id().toString());
		assertThat(Instant.parse(created.text("expiresAt"))).isBetween(
				this.clock.instant().plus(Duration.ofDays(90)).minusSeconds(60),
				this.clock.instant().plus(Duration.ofDays(90)));

		ApiResponse got = this.api.get("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken());
		assertThat(got.status()).isEqualTo(200);
		assertThat(got.body()).doesNotContain(secret).doesNotContain("\"token\"");
		ApiResponse list = this.api.get("/api/v1/tokens", this.tenant.adminToken());
		assertThat(list.body()).contains("deploy-bot").doesNotContain(secret);
	}

	@Test
	void theNewTokenAuthenticatesWithBearerAndWithTheTokenHeader() {
		String secret = create("both-headers", null).text("token");

		ApiResponse bearer = this.api.get("/api/v1/me", secret);
		ApiResponse header = this.api.send(this.api.raw("/api/v1/me").header("token", secret).GET());

		assertThat(bearer.status()).isEqualTo(200);
		assertThat(bearer.json().get("token").get("name").asString()).isEqualTo("both-headers");
		assertThat(bearer.json().get("user").get("role").asString()).isEqualTo("ORG_ADMIN");
		assertThat(bearer.json().get("organisation").get("name").asString())
			.isEqualTo(this.tenant.organisation().name());
		assertThat(header.status()).isEqualTo(200);
		assertThat(header.body()).isEqualTo(bearer.body());
	}

	@Test
	void expiresInDaysAndExpiresAtSetTheExpiry() {
		ApiResponse inDays = create("in-days", "{\"name\":\"in-days\",\"expiresInDays\":7}");
		Instant at = this.clock.instant().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		ApiResponse atInstant = create("at", "{\"name\":\"at\",\"expiresAt\":\"" + at + "\"}");

		assertThat(Instant.parse(inDays.text("expiresAt"))).isBetween(
				this.clock.instant().plus(Duration.ofDays(7)).minusSeconds(60),
				this.clock.instant().plus(Duration.ofDays(7)));
		assertThat(Instant.parse(atInstant.text("expiresAt"))).isEqualTo(at);
	}

	@Test
	void listingCoversOwnTokensAUsersTokensOrTheWholeOrganisation() {
		Tenant.Member other = this.tenant.anotherAdmin();
		create("mine", null);

		ApiResponse own = this.api.get("/api/v1/tokens", this.tenant.adminToken());
		ApiResponse theirs = this.api.get("/api/v1/tokens?owner=" + other.user().id(), this.tenant.adminToken());
		ApiResponse all = this.api.get("/api/v1/tokens?owner=all", this.tenant.adminToken());

		assertThat(own.json().valueStream().map((t) -> t.get("name").asString())).containsExactlyInAnyOrder("bootstrap",
				"mine");
		assertThat(theirs.json().valueStream().map((t) -> t.get("name").asString())).containsExactly("member");
		assertThat(all.json().size()).isEqualTo(3);
	}

	@Test
	void aRevokedTokenFailsAtOnceAndRevokingTwiceIsHarmless() {
		ApiResponse created = create("to-revoke", null);
		String secret = created.text("token");
		assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(200);

		ApiResponse revoked = this.api.post("/api/v1/tokens/" + created.text("id") + "/revoke", secret, null);
		ApiResponse again = this.api.post("/api/v1/tokens/" + created.text("id") + "/revoke", this.tenant.adminToken(),
				null);

		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.text("status")).isEqualTo("REVOKED");
		assertThat(revoked.text("statusReason")).isEqualTo("REVOKED_BY_OWNER");
		assertThat(revoked.text("revokedBy")).isEqualTo(this.tenant.admin().id().toString());
		assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(401);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.text("statusReason")).isEqualTo("REVOKED_BY_OWNER");
	}

	@Test
	void anotherAdminRevokingRecordsRevokedByAdmin() {
		Tenant.Member other = this.tenant.anotherAdmin();
		String id = create("admin-revoked", null).text("id");

		ApiResponse revoked = this.api.post("/api/v1/tokens/" + id + "/revoke", other.token(), null);

		assertThat(revoked.text("statusReason")).isEqualTo("REVOKED_BY_ADMIN");
		assertThat(revoked.text("revokedBy")).isEqualTo(other.user().id().toString());
	}

	@Test
	void aReapprovedTokenWorksAgainWithTheSameSecret() {
		ApiResponse created = create("comeback", null);
		String id = created.text("id");
		this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null);

		ApiResponse reapproved = this.api.post("/api/v1/tokens/" + id + "/reapprove", this.tenant.adminToken(), null);

		assertThat(reapproved.status()).isEqualTo(200);
		assertThat(reapproved.text("status")).isEqualTo("ACTIVE");
		assertThat(reapproved.text("statusReason")).isNull();
		assertThat(this.api.get("/api/v1/me", created.text("token")).status()).isEqualTo(200);
	}

	@Test
	void reapprovingAnExpiredTokenIsRefused() {
		ApiResponse created = create("short", "{\"name\":\"short\",\"expiresInDays\":1}");
		this.api.post("/api/v1/tokens/" + created.text("id") + "/revoke", this.tenant.adminToken(), null);
		this.clock.advance(Duration.ofDays(2));

		ApiResponse refused = this.api.post("/api/v1/tokens/" + created.text("id") + "/reapprove",
				this.tenant.adminToken(), null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("token-expired");
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void anExpiredTokenStopsAtOnceAndStaysListedAsExpired() {
		ApiResponse created = create("expiring", "{\"name\":\"expiring\",\"expiresInDays\":1}");
		this.clock.advance(Duration.ofDays(1));

		ApiResponse me = this.api.get("/api/v1/me", created.text("token"));
		ApiResponse listed = this.api.get("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken());

		assertThat(me.status()).isEqualTo(401);
		assertThat(listed.text("status")).isEqualTo("EXPIRED");
		assertThat(listed.text("statusReason")).isEqualTo("EXPIRED");
	}

	@Test
	void deletingATokenRemovesItForGood() {
		ApiResponse created = create("doomed", null);

		ApiResponse deleted = this.api.delete("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken());

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/me", created.text("token")).status()).isEqualTo(401);
		assertThat(this.api.delete("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken()).status())
			.isEqualTo(404);
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		ApiResponse document = this.api.get("/v3/api-docs", null);

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("openapi").asString()).startsWith("3.");
		assertThat(document.json().get("paths").has("/api/v1/tokens")).isTrue();
		assertThat(document.json().get("paths").has("/api/v1/tokens/{id}/reapprove")).isTrue();
		assertThat(document.json().get("paths").propertyNames()).contains("/api/v1/clients", "/api/v1/leaks",
				"/api/v1/audit-events/export", "/oauth2/introspect", "/oauth2/revoke", "/auth/verify");
		assertThat(document.body()).contains("\"token_type\":\"Bearer\"").contains("latchkey_token");
		assertThat(document.json().get("components").get("securitySchemes").has("bearer")).isTrue();
	}

	private ApiResponse create(String name, String json) {
		ApiResponse response = this.api.post("/api/v1/tokens", this.tenant.adminToken(),
				(json != null) ? json : "{\"name\":\"" + name + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response;
	}

}
