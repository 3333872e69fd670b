package dev.latchkey.token;

import java.time.Duration;
import java.time.Instant;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/tokens/{id}/rotate} (SPEC §9): a new secret for the same token, the
 * old one valid for the overlap only, never past its own expiry.
 */
class TokenRotationIntegrationTests extends TenantIntegrationTests {

	@Test
	void rotatingGivesANewSecretOnceAndKeepsTheTokensIdScopesAndAllowlist() {
		// given
		ApiResponse created = create(
				"{\"name\":\"ci\",\"expiresInDays\":30,\"scopes\":[\"read_api\"],\"allowedIps\":[\"127.0.0.1\"]}");

		// when
		ApiResponse rotated = rotate(created.text("id"), "{\"overlapHours\":2}");

		// then
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		assertThat(rotated.header("Cache-Control")).contains("no-store");
		String secret = rotated.text("token");
		assertThat(secret).isNotEqualTo(created.text("token")).startsWith("lkp_");
		assertThat(rotated.text("id")).isEqualTo(created.text("id"));
		assertThat(rotated.text("hint")).isEqualTo("lkp_…" + secret.substring(secret.length() - 4));
		assertThat(rotated.json().get("scopes").get(0).asString()).isEqualTo("read_api");
		assertThat(rotated.json().get("allowedIps").get(0).asString()).isEqualTo("127.0.0.1");
		assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(200);
		ApiResponse later = this.api.get("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken());
		assertThat(later.body()).doesNotContain(secret);
		assertThat(this.api.get("/api/v1/tokens", this.tenant.adminToken()).json().size())
			.as("still one token toward the limit")
			.isEqualTo(2);
	}

	@Test
	void theOldSecretWorksDuringTheOverlapAndFailsLikeAnUnknownTokenAfterIt() {
		// given
		ApiResponse created = create("{\"name\":\"ci\"}");
		String old = created.text("token");
		assertThat(this.api.get("/api/v1/me", old).status()).as("cached before the rotation").isEqualTo(200);

		// when
		String fresh = rotate(created.text("id"), "{\"overlapHours\":1}").text("token");
		ApiResponse during = this.api.get("/api/v1/me", old);
		this.clock.advance(Duration.ofMinutes(61));
		ApiResponse after = this.api.get("/api/v1/me", old);

		// then
		assertThat(during.status()).isEqualTo(200);
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.body()).isEqualTo(this.api.get("/api/v1/me", "lkp_unknown").body());
		assertThat(this.api.get("/api/v1/me", fresh).status()).isEqualTo(200);
	}

	@Test
	void withoutAnOverlapTheOldSecretStopsAtOnceEvenWhenCached() {
		ApiResponse created = create("{\"name\":\"ci\"}");
		String old = created.text("token");
		assertThat(this.api.get("/api/v1/me", old).status()).isEqualTo(200);

		String fresh = rotate(created.text("id"), "{\"overlapHours\":0}").text("token");

		assertThat(this.api.get("/api/v1/me", old).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/me", fresh).status()).isEqualTo(200);
	}

	@Test
	void theNewExpiryIsTheTokensLifetimeAndTheOldSecretNeverOutlivesItsOwn() {
		// given: a token of 2 days, 1 day old
		ApiResponse created = create("{\"name\":\"short\",\"expiresInDays\":2}");
		String old = created.text("token");
		this.clock.advance(Duration.ofDays(1));

		// when: a week of overlap is asked for
		ApiResponse rotated = rotate(created.text("id"), "{\"overlapHours\":168}");

		// then
		Instant expiresAt = Instant.parse(rotated.text("expiresAt"));
		assertThat(expiresAt).isBetween(this.clock.instant().plus(Duration.ofDays(2)).minusSeconds(60),
				this.clock.instant().plus(Duration.ofDays(2)));
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(this.api.get("/api/v1/me", old).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/me", rotated.text("token")).status()).isEqualTo(200);
	}

	@Test
	void theDefaultOverlapIs24Hours() {
		ApiResponse created = create("{\"name\":\"ci\"}");
		String old = created.text("token");

		rotate(created.text("id"), null);
		this.clock.advance(Duration.ofHours(23).plusMinutes(59));
		ApiResponse before = this.api.get("/api/v1/me", old);
		this.clock.advance(Duration.ofMinutes(2));
		ApiResponse after = this.api.get("/api/v1/me", old);

		assertThat(before.status()).isEqualTo(200);
		assertThat(after.status()).isEqualTo(401);
	}

	@Test
	void anOverlapOutOfRangeIsRefusedAndChangesNothing() {
		ApiResponse created = create("{\"name\":\"ci\"}");

		ApiResponse negative = rotate(created.text("id"), "{\"overlapHours\":-1}");
		ApiResponse tooLong = rotate(created.text("id"), "{\"overlapHours\":169}");
		ApiResponse notANumber = rotate(created.text("id"), "{\"overlapHours\":\"a day\"}");

		assertThat(negative.status()).isEqualTo(400);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.problemType()).isEqualTo("invalid-request");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken()).text("hint"))
			.isEqualTo(created.text("hint"));
		assertThat(this.api.get("/api/v1/me", created.text("token")).status()).isEqualTo(200);
	}

	@Test
	void aRevokedOrExpiredTokenCannotBeRotated() {
		ApiResponse revoked = create("{\"name\":\"revoked\"}");
		this.api.post("/api/v1/tokens/" + revoked.text("id") + "/revoke", this.tenant.adminToken(), null);
		ApiResponse expiring = create("{\"name\":\"expiring\",\"expiresInDays\":1}");
		this.clock.advance(Duration.ofDays(1).plusSeconds(1));

		ApiResponse ofRevoked = rotate(revoked.text("id"), null);
		ApiResponse ofExpired = rotate(expiring.text("id"), null);

		assertThat(ofRevoked.status()).isEqualTo(409);
		assertThat(ofRevoked.problemType()).isEqualTo("token-not-active");
		assertThat(ofExpired.status()).isEqualTo(409);
		assertThat(ofExpired.problemType()).isEqualTo("token-expired");
	}

	@Test
	void anotherOrganisationGets404AndTheRotationIsAudited() {
		ApiResponse created = create("{\"name\":\"ours\"}");
		Tenant other = this.fixtures.tenant();

		ApiResponse theirs = this.api.post("/api/v1/tokens/" + created.text("id") + "/rotate", other.adminToken(),
				null);
		ApiResponse ours = rotate(created.text("id"), null);

		assertThat(theirs.status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/audit-events?type=TOKEN_ROTATED", this.tenant.adminToken()).body())
			.contains("overlapHours=24")
			.doesNotContain(ours.text("token"));
	}

	@Test
	void aReportedOldSecretRevokesTheTokenForGood() {
		ApiResponse created = create("{\"name\":\"leaky\"}");
		String fresh = rotate(created.text("id"), null).text("token");

		ApiResponse report = this.api.post("/api/v1/leaks", null, "[{\"token\":\"" + created.text("token")
				+ "\",\"type\":\"latchkey_token\",\"url\":\"https://example.org/leak\",\"source\":\"content\"}]");

		assertThat(report.status()).isEqualTo(202);

		assertThat(this.api.get("/api/v1/me", fresh).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken()).text("statusReason"))
			.isEqualTo("LEAKED");
	}

	private ApiResponse create(String json) {
		ApiResponse created = this.api.post("/api/v1/tokens", this.tenant.adminToken(), json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created;
	}

	private ApiResponse rotate(String id, String json) {
		return this.api.post("/api/v1/tokens/" + id + "/rotate", this.tenant.adminToken(), json);
	}

}
