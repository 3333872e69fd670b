package dev.latchkey.audit;

import java.time.Duration;
import java.util.List;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.testing.Tenant.Member;
import dev.latchkey.token.TokenManagement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC rule 12: every change is in the organisation's trail, with actor, target, time and
 * client IP, and admins read it through the API, at most 90 days per query.
 */
class AuditIntegrationTests extends TenantIntegrationTests {

	@Autowired
	TokenManagement tokens;

	@Test
	void theTokenLifeCycleIsInTheTrailNewestFirst() {
		String id = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"audited\"}").text("id");
		this.api.post("/api/v1/tokens/" + id + "/revoke", this.tenant.adminToken(), null);
		this.api.post("/api/v1/tokens/" + id + "/reapprove", this.tenant.adminToken(), null);
		this.api.delete("/api/v1/tokens/" + id, this.tenant.adminToken());

		List<JsonNode> events = events("").stream().filter((e) -> id.equals(text(e, "targetId"))).toList();

		assertThat(events).extracting((e) -> text(e, "type"))
			.containsExactly("TOKEN_DELETED", "TOKEN_REAPPROVED", "TOKEN_REVOKED", "TOKEN_CREATED");
		assertThat(events).allSatisfy((e) -> {
			assertThat(text(e, "actorName")).isEqualTo(this.tenant.admin().username());
			assertThat(text(e, "actor")).isEqualTo(this.tenant.admin().id().toString());
			assertThat(text(e, "clientIp")).isEqualTo("127.0.0.1");
			assertThat(text(e, "targetName")).isEqualTo("audited");
			assertThat(text(e, "organisationId")).isEqualTo(this.tenant.organisation().id().toString());
			assertThat(text(e, "occurredAt")).endsWith("Z");
		});
	}

	@Test
	void expiryIsRecordedOncePerToken() {
		String id = this.api
			.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"expiring\",\"expiresInDays\":1}")
			.text("id");
		this.clock.advance(Duration.ofDays(1));

		this.tokens.expireDue(1000);
		this.tokens.expireDue(1000);

		assertThat(events("?type=TOKEN_EXPIRED")).extracting((e) -> text(e, "targetId")).containsOnlyOnce(id);
		assertThat(events("?type=TOKEN_EXPIRED")).filteredOn((e) -> id.equals(text(e, "targetId")))
			.extracting((e) -> text(e, "actorName"))
			.containsExactly("system");
	}

	@Test
	void userChangesAreRecordedAndFilterable() {
		Member member = this.tenant.anotherAdmin();
		String userId = member.user().id().toString();
		this.api.put("/api/v1/users/" + userId + "/license", this.tenant.adminToken(), "{\"licensed\":false}");
		this.api.put("/api/v1/users/" + userId + "/role", this.tenant.adminToken(), "{\"role\":\"USER\"}");
		this.api.post("/api/v1/users/" + userId + "/deactivate", this.tenant.adminToken(), null);
		this.api.post("/api/v1/users/" + userId + "/reactivate", this.tenant.adminToken(), null);

		List<String> types = events("?actor=" + this.tenant.admin().username()).stream()
			.filter((e) -> userId.equals(text(e, "targetId")))
			.map((e) -> text(e, "type"))
			.toList();

		assertThat(types).containsExactly("USER_REACTIVATED", "USER_DEACTIVATED", "USER_ROLE_CHANGED",
				"USER_LICENSE_REMOVED");
		assertThat(events("?type=USER_CREATED")).extracting((e) -> text(e, "targetId")).contains(userId);
		assertThat(events("?type=TOKEN_REVOKED")).extracting((e) -> text(e, "details"))
			.contains("reason=LICENSE_REMOVED");
	}

	@Test
	void theTrailIsPaged() {
		ApiResponse first = this.api.get("/api/v1/audit-events?size=2", this.tenant.adminToken());
		ApiResponse second = this.api.get("/api/v1/audit-events?size=2&page=1", this.tenant.adminToken());

		assertThat(first.json().get("items").size()).isEqualTo(2);
		assertThat(first.json().get("hasMore").asBoolean()).isTrue();
		assertThat(second.json().get("items").get(0).get("id").asLong())
			.isLessThan(first.json().get("items").get(1).get("id").asLong());
	}

	@Test
	void aQueryCoversAtMost90Days() {
		String to = this.clock.instant().toString();
		String ninetyDays = this.clock.instant().minus(Duration.ofDays(90)).toString();
		String ninetyOne = this.clock.instant().minus(Duration.ofDays(91)).toString();

		assertThat(this.api.get("/api/v1/audit-events?from=" + ninetyDays + "&to=" + to, this.tenant.adminToken())
			.status()).isEqualTo(200);
		assertThat(
				this.api.get("/api/v1/audit-events?from=" + ninetyOne + "&to=" + to, this.tenant.adminToken()).status())
			.isEqualTo(400);
	}

	@Test
	void anotherOrganisationsTrailIsNotVisible() {
		Tenant other = this.fixtures.tenant();

		List<JsonNode> events = events("");

		assertThat(events).isNotEmpty()
			.allSatisfy(
					(e) -> assertThat(text(e, "organisationId")).isEqualTo(this.tenant.organisation().id().toString()));
		assertThat(events).extracting((e) -> text(e, "actorName")).doesNotContain(other.admin().username());
	}

	private List<JsonNode> events(String query) {
		ApiResponse response = this.api.get("/api/v1/audit-events" + query, this.tenant.adminToken());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("items").valueStream().toList();
	}

	private static String text(JsonNode event, String field) {
		JsonNode node = event.get(field);
		return (node == null || node.isNull()) ? null : node.asString();
	}

}
