package dev.latchkey.token;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/tokens/{id}/usage} (SPEC §9): requests per token and UTC day,
 * written with the last-used batch, never per request.
 */
class TokenUsageIntegrationTests extends TenantIntegrationTests {

	@Autowired
	LastUsedTracker tracker;

	@Autowired
	JdbcClient jdbc;

	@Test
	void requestsAreCountedPerDayWithoutAWritePerRequest() {
		// given
		ApiResponse created = create("counted");
		String secret = created.text("token");
		this.tracker.flush();

		// when
		for (int i = 0; i < 7; i++) {
			assertThat(this.api.get("/api/v1/me", secret).status()).isEqualTo(200);
		}
		long rowsBeforeFlush = rows(created.text("id"));
		this.tracker.flush();
		ApiResponse usage = this.api.get("/api/v1/tokens/" + created.text("id") + "/usage?days=30",
				this.tenant.adminToken());

		// then
		assertThat(rowsBeforeFlush).isZero();
		assertThat(usage.status()).isEqualTo(200);
		assertThat(usage.json().get("days").size()).isEqualTo(30);
		var today = usage.json().get("days").get(29);
		assertThat(today.get("date").asString()).isEqualTo(today().toString());
		assertThat(today.get("requests").asLong()).isEqualTo(7);
		assertThat(usage.json().get("days").get(0).get("requests").asLong()).isZero();
	}

	@Test
	void flushesAddUpAndDaysAreKeptApart() {
		ApiResponse created = create("days");
		String secret = created.text("token");
		this.api.get("/api/v1/me", secret);
		this.api.get("/api/v1/me", secret);
		this.tracker.flush();
		this.api.get("/api/v1/me", secret);
		this.tracker.flush();
		this.clock.advance(Duration.ofDays(1));
		this.api.get("/api/v1/me", secret);
		this.tracker.flush();

		ApiResponse usage = this.api.get("/api/v1/tokens/" + created.text("id") + "/usage?days=2",
				this.tenant.adminToken());

		assertThat(usage.json().get("days").get(0).get("requests").asLong()).isEqualTo(3);
		assertThat(usage.json().get("days").get(1).get("requests").asLong()).isEqualTo(1);
	}

	@Test
	void refusedRequestsAreNotCounted() {
		ApiResponse created = create("refused");
		this.api.post("/api/v1/tokens/" + created.text("id") + "/revoke", this.tenant.adminToken(), null);
		this.api.get("/api/v1/me", created.text("token"));
		this.tracker.flush();

		ApiResponse usage = this.api.get("/api/v1/tokens/" + created.text("id") + "/usage?days=1",
				this.tenant.adminToken());

		assertThat(usage.json().get("days").get(0).get("requests").asLong()).isZero();
	}

	@Test
	void daysOutOfRangeAreRefusedAndAnotherOrganisationGets404() {
		String id = create("ours").text("id");
		Tenant other = this.fixtures.tenant();

		ApiResponse none = this.api.get("/api/v1/tokens/" + id + "/usage?days=0", this.tenant.adminToken());
		ApiResponse tooMany = this.api.get("/api/v1/tokens/" + id + "/usage?days=91", this.tenant.adminToken());
		ApiResponse theirs = this.api.get("/api/v1/tokens/" + id + "/usage", other.adminToken());

		assertThat(none.status()).isEqualTo(400);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("days");
		assertThat(theirs.status()).isEqualTo(404);
	}

	@Test
	void deletingATokenDeletesItsCounts() {
		ApiResponse created = create("gone");
		this.api.get("/api/v1/me", created.text("token"));
		this.tracker.flush();
		assertThat(rows(created.text("id"))).isEqualTo(1);

		this.api.delete("/api/v1/tokens/" + created.text("id"), this.tenant.adminToken());

		assertThat(rows(created.text("id"))).isZero();
	}

	private long rows(String tokenId) {
		return this.jdbc.sql("select count(*) from token_usage_days where token_id = :id")
			.param("id", java.util.UUID.fromString(tokenId))
			.query(Long.class)
			.single();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private ApiResponse create(String name) {
		ApiResponse created = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created;
	}

}
