package dev.latchkey.audit;

import java.time.Duration;
import java.util.List;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/audit-events/export}: the trail as JSON lines or CEF, at most 90
 * days.
 */
class AuditExportIntegrationTests extends TenantIntegrationTests {

	@Test
	void theTrailIsExportedAsJsonLinesOldestFirst() {
		String id = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"exported\"}").text("id");
		this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null);

		ApiResponse export = this.api.get("/api/v1/audit-events/export?format=jsonl", this.tenant.adminToken());

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
		assertThat(export.header("Content-Disposition")).startsWith("attachment");
		List<String> types = export.body()
			.lines()
			.map((line) -> JsonMapper.builder().build().readTree(line).get("type").asString())
			.toList();
		assertThat(types).containsSubsequence("USER_CREATED", "TOKEN_CREATED", "TOKEN_CREATED", "TOKEN_REVOKED");
	}

	@Test
	void theTrailIsExportedAsCef() {
		this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"pipe|and=equals\"}");

		ApiResponse export = this.api.get("/api/v1/audit-events/export?format=cef", this.tenant.adminToken());

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body().lines()).allSatisfy((line) -> assertThat(line).startsWith("CEF:0|Latchkey|Latchkey|"));
		assertThat(export.body()).contains("|TOKEN_CREATED|Token created|3|")
			.contains("duser=pipe|and\\=equals")
			.contains("suser=" + this.tenant.admin().username());
	}

	@Test
	void anExportCoversAtMost90DaysAndIsItselfAudited() {
		String from = this.clock.instant().minus(Duration.ofDays(91)).toString();

		ApiResponse tooLong = this.api.get("/api/v1/audit-events/export?from=" + from, this.tenant.adminToken());
		ApiResponse badFormat = this.api.get("/api/v1/audit-events/export?format=xml", this.tenant.adminToken());
		this.api.get("/api/v1/audit-events/export", this.tenant.adminToken());

		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(badFormat.status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/audit-events?type=AUDIT_EXPORTED", this.tenant.adminToken()).body())
			.contains("format=jsonl");
	}

}
