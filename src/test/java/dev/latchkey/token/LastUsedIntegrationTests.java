package dev.latchkey.token;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC rule 13: last use is kept current by a periodic batch, not by a write per request.
 */
class LastUsedIntegrationTests extends TenantIntegrationTests {

	@Autowired
	LastUsedTracker tracker;

	@Autowired
	JdbcClient jdbc;

	@Test
	void requestsDoNotWriteButTheNextFlushRecordsTimeAndAddress() {
		String id = this.api.get("/api/v1/me", this.tenant.adminToken()).json().get("token").get("id").asString();
		this.tracker.flush();
		String afterFirstFlush = lastUsed(id);
		for (int i = 0; i < 20; i++) {
			this.api.get("/api/v1/me", this.tenant.adminToken());
		}
		assertThat(lastUsed(id)).isEqualTo(afterFirstFlush);

		this.tracker.flush();

		ApiResponse token = this.api.get("/api/v1/tokens/" + id, this.tenant.adminToken());
		assertThat(token.text("lastUsedAt")).isNotNull();
		assertThat(token.text("lastUsedIp")).isEqualTo("127.0.0.1");
		assertThat(lastUsed(id)).isNotEqualTo(afterFirstFlush);
	}

	@Test
	void useIsAuditedAtMostOncePerInterval() {
		String id = this.api.get("/api/v1/me", this.tenant.adminToken()).json().get("token").get("id").asString();
		this.tracker.flush();
		this.api.get("/api/v1/me", this.tenant.adminToken());
		this.tracker.flush();

		long audited = this.jdbc.sql("select count(*) from audit_events where target_id = :id and type = :type")
			.param("id", id)
			.param("type", "TOKEN_AUTHENTICATED")
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(1);
	}

	private String lastUsed(String id) {
		return this.jdbc.sql("select last_used_at from api_tokens where id = :id")
			.param("id", java.util.UUID.fromString(id))
			.query(String.class)
			.single();
	}

}
