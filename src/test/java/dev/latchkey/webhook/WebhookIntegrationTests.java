package dev.latchkey.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.LogCapture;
import dev.latchkey.testing.Race;
import dev.latchkey.testing.SecretCanary;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §9 webhooks over real HTTP: the API, token events becoming deliveries, and the
 * sender POSTing them to a receiver on 127.0.0.1 (so this context allows insecure
 * destinations; the refusal with the setting off is tested below with the guard as
 * installed by default). The sender's job is off in tests: each test sends when it wants.
 */
class WebhookIntegrationTests extends TenantIntegrationTests {

	@Autowired
	WebhookSender sender;

	@Autowired
	JdbcClient jdbc;

	Receiver receiver;

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = Receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void aRevocationReachesTheReceiverSignedWithTheSecretFromCreation() throws Exception {
		ApiResponse created = createWebhook(this.receiver.url(), "[\"token.revoked\"]");
		String secret = created.text("secret");
		ApiResponse token = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"ci\"}");
		String tokenId = token.text("id");

		revoke(tokenId);
		String deliveryId = awaitDeliveries(created.text("id"), 1).get(0).get("id").asString();
		this.sender.sendDue();

		assertThat(this.receiver.received()).hasSize(1);
		Receiver.Received request = this.receiver.received().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("User-Agent")).isEqualTo("Latchkey-Webhooks");
		assertThat(request.header("X-Latchkey-Event")).isEqualTo("token.revoked");
		assertThat(request.header("X-Latchkey-Delivery")).isEqualTo(deliveryId);
		assertThat(request.header("X-Latchkey-Signature")).isEqualTo("sha256=" + hmac(request.body(), secret));
		JsonNode body = new ApiResponse(200, null, request.text()).json();
		assertThat(body.get("id").asString()).isEqualTo(deliveryId);
		assertThat(body.get("type").asString()).isEqualTo("token.revoked");
		assertThat(body.get("organisation").asString()).isEqualTo(this.tenant.organisation().id().toString());
		assertThat(body.get("reason").asString()).isEqualTo("REVOKED_BY_OWNER");
		assertThat(body.get("token").get("id").asString()).isEqualTo(tokenId);
		assertThat(body.get("token").get("name").asString()).isEqualTo("ci");
		assertThat(body.get("token").get("owner").get("username").asString()).isEqualTo(this.tenant.admin().username());
		assertThat(request.text()).doesNotContain(secret).doesNotContain(token.text("token"));
		assertThat(deliveries(created.text("id")).get(0).get("state").asString()).isEqualTo("DELIVERED");
	}

	@Test
	void theDocumentedPythonCheckAcceptsACapturedDeliveryAndRefusesAChangedOne(@TempDir Path folder) throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
		ApiResponse created = createWebhook(this.receiver.url(), null);
		revoke(createToken("checked-in-python"));
		awaitDeliveries(created.text("id"), 2);
		this.sender.sendDue();
		Receiver.Received delivery = this.receiver.received().get(0);
		Path body = Files.write(folder.resolve("body.json"), delivery.body());
		Path changed = Files.writeString(folder.resolve("changed.json"), delivery.text().replace("token.", "token_"));

		int valid = python(created.text("secret"), body, delivery.header("X-Latchkey-Signature"));
		int forged = python(created.text("secret"), changed, delivery.header("X-Latchkey-Signature"));

		assertThat(valid).isZero();
		assertThat(forged).isEqualTo(1);
	}

	private static int python(String secret, Path body, String signature) throws Exception {
		Path script = Path.of("src/test/resources/webhook/verify_webhook.py");
		ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", script.toString(), body.toString(), signature,
				"LATCHKEY_WEBHOOK_SECRET")
			.redirectErrorStream(true);
		// the secret travels in the environment, not on the command line
		builder.environment().put("LATCHKEY_WEBHOOK_SECRET", secret);
		Process process = builder.start();
		process.getInputStream().readAllBytes();
		return process.waitFor();
	}

	@Test
	void aWebhookForAllEventsHearsCreationRotationAndRevocation() {
		ApiResponse created = createWebhook(this.receiver.url(), null);

		String tokenId = createToken("deploy");
		this.api.post("/api/v1/tokens/" + tokenId + "/rotate", this.tenant.adminToken(), "{\"overlapHours\":1}");
		revoke(tokenId);
		awaitDeliveries(created.text("id"), 3);
		this.sender.sendDue();

		assertThat(this.receiver.received()).extracting((request) -> request.header("X-Latchkey-Event"))
			.containsExactlyInAnyOrder("token.created", "token.rotated", "token.revoked");
		assertThat(created.json().get("allEvents").asBoolean()).isTrue();
	}

	@Test
	void aReceiverAnswering500IsTriedAgainAfterTheBackoffAndTheLogShowsBothAttempts() {
		this.receiver.answering(500);
		ApiResponse created = createWebhook(this.receiver.url(), "[\"token.revoked\"]");
		revoke(createToken("flaky"));
		awaitDeliveries(created.text("id"), 1);

		this.sender.sendDue();
		JsonNode afterFirst = deliveries(created.text("id")).get(0);
		int tooEarly = this.sender.sendDue();
		this.clock.advance(Duration.ofSeconds(12));
		this.sender.sendDue();
		JsonNode afterSecond = deliveries(created.text("id")).get(0);

		assertThat(afterFirst.get("state").asString()).isEqualTo("PENDING");
		assertThat(afterFirst.get("attempts").asInt()).isEqualTo(1);
		assertThat(afterFirst.get("lastStatusCode").asInt()).isEqualTo(500);
		assertThat(afterFirst.get("lastError").asString()).isEqualTo("HTTP 500");
		assertThat(afterFirst.get("nextAttemptAt").isNull()).isFalse();
		assertThat(tooEarly).isZero();
		assertThat(afterSecond.get("state").asString()).isEqualTo("DELIVERED");
		assertThat(afterSecond.get("attempts").asInt()).isEqualTo(2);
		assertThat(afterSecond.get("lastStatusCode").asInt()).isEqualTo(200);
		assertThat(this.receiver.received()).hasSize(2)
			.extracting((request) -> request.header("X-Latchkey-Delivery"))
			.containsOnly(afterSecond.get("id").asString());
	}

	@Test
	void aDeliveryNobodyAcceptsFor24HoursHasFailed() {
		this.receiver.answering(503, 503);
		ApiResponse created = createWebhook(this.receiver.url(), "[\"token.revoked\"]");
		revoke(createToken("gone"));
		awaitDeliveries(created.text("id"), 1);

		this.sender.sendDue();
		this.clock.advance(Duration.ofHours(24).minusSeconds(5));
		this.sender.sendDue();

		JsonNode delivery = deliveries(created.text("id")).get(0);
		assertThat(delivery.get("state").asString()).isEqualTo("FAILED");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
		assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(503);
		assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
	}

	@Test
	void aReceiverThatIsDownIsRecordedAsANetworkErrorAndTriedAgain() {
		ApiResponse created = createWebhook("http://127.0.0.1:9/nobody-listens", "[\"token.revoked\"]");
		revoke(createToken("down"));
		awaitDeliveries(created.text("id"), 1);

		this.sender.sendDue();

		JsonNode delivery = deliveries(created.text("id")).get(0);
		assertThat(delivery.get("state").asString()).isEqualTo("PENDING");
		assertThat(delivery.get("lastStatusCode").isNull()).isTrue();
		assertThat(delivery.get("lastError").asString()).contains("ConnectException");
	}

	@Test
	void twoSendersAtOnceDeliverEachDeliveryExactlyOnce() throws Exception {
		ApiResponse created = createWebhook(this.receiver.url(), "[\"token.revoked\"]");
		for (int i = 0; i < 8; i++) {
			revoke(createToken("race-" + i));
		}
		awaitDeliveries(created.text("id"), 8);

		List<Callable<Integer>> senders = List.of(this.sender::sendDue, this.sender::sendDue, this.sender::sendDue);
		int claimed = Race.of(senders).stream().mapToInt(Integer::intValue).sum();

		Map<String, Long> perDelivery = this.receiver.received()
			.stream()
			.collect(Collectors.groupingBy((request) -> request.header("X-Latchkey-Delivery"), Collectors.counting()));
		// other tests' deliveries in the same database may fall due too
		assertThat(claimed).isGreaterThanOrEqualTo(8);
		assertThat(this.receiver.received()).hasSize(8);
		assertThat(perDelivery).hasSize(8).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
	}

	@Test
	void anotherOrganisationsEventsNeverReachThisOrganisationsWebhooks() {
		ApiResponse created = createWebhook(this.receiver.url(), null);
		Tenant other = this.fixtures.tenant();
		String otherToken = this.api.post("/api/v1/tokens", other.adminToken(), "{\"name\":\"theirs\"}").text("id");
		this.api.post("/api/v1/tokens/" + otherToken + "/revoke", other.adminToken(), null);

		this.sender.sendDue();

		assertThat(deliveries(created.text("id"))).isEmpty();
		assertThat(this.receiver.received()).isEmpty();
	}

	@Test
	void anotherOrganisationsWebhookIsNotFoundAndStaysUntouched() {
		ApiResponse created = createWebhook(this.receiver.url(), null);
		String id = created.text("id");
		String otherAdmin = this.fixtures.tenant().adminToken();

		List<ApiResponse> answers = List.of(this.api.get("/api/v1/webhooks/" + id, otherAdmin),
				this.api.get("/api/v1/webhooks/" + id + "/deliveries", otherAdmin),
				this.api.delete("/api/v1/webhooks/" + id, otherAdmin));

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(404));
		assertThat(this.api.get("/api/v1/webhooks", otherAdmin).json()).isEmpty();
		assertThat(this.api.get("/api/v1/webhooks/" + id, this.tenant.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void theSigningSecretIsInNoLogLineAuditDetailAnswerOrDelivery() {
		String secret;
		String id;
		try (LogCapture logs = LogCapture.start()) {
			ApiResponse created = createWebhook(this.receiver.url(), null);
			secret = created.text("secret");
			id = created.text("id");
			revoke(createToken("quiet"));
			awaitDeliveries(id, 2);
			this.sender.sendDue();
			this.api.delete("/api/v1/webhooks/" + id, this.tenant.adminToken());

			assertThat(logs.lines()).noneMatch((line) -> line.contains(secret));
		}
		List<ApiResponse> answers = List.of(this.api.get("/api/v1/webhooks", this.tenant.adminToken()),
				this.api.get("/api/v1/audit-events?type=WEBHOOK_CREATED", this.tenant.adminToken()),
				this.api.get("/api/v1/audit-events?type=WEBHOOK_DELETED", this.tenant.adminToken()));

		assertThat(secret).startsWith("lkwh_").hasSizeGreaterThan(40);
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.body()).doesNotContain(secret));
		assertThat(answers.get(1).json()).isNotEmpty();
		assertThat(answers.get(2).json()).isNotEmpty();
		assertThat(this.receiver.received()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.text()).doesNotContain(secret));
	}

	@Test
	void creatingShowsTheSecretOnceNotCachedAndReadingNeverShowsIt() {
		ApiResponse created = createWebhook(this.receiver.url(), "[\"token.expired\",\"token.revoked\"]");

		ApiResponse one = this.api.get("/api/v1/webhooks/" + created.text("id"), this.tenant.adminToken());

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Cache-Control")).contains("no-store");
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().has("secret")).isFalse();
		assertThat(one.body()).doesNotContain(created.text("secret"));
		assertThat(one.json().get("events")).extracting(JsonNode::asString)
			.containsExactly("token.revoked", "token.expired");
		assertThat(one.text("url")).isEqualTo(this.receiver.url());
	}

	@Test
	void deletingAWebhookDeletesItsDeliveriesAndIsAudited() {
		ApiResponse created = createWebhook(this.receiver.url(), "[\"token.revoked\"]");
		String id = created.text("id");
		revoke(createToken("short-lived"));
		awaitDeliveries(id, 1);

		ApiResponse deleted = this.api.delete("/api/v1/webhooks/" + id, this.tenant.adminToken());
		this.sender.sendDue();

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/webhooks/" + id, this.tenant.adminToken()).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from webhook_deliveries where webhook_id = :id")
			.param("id", java.util.UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.receiver.received()).isEmpty();
		assertThat(this.api.get("/api/v1/audit-events?type=WEBHOOK_DELETED", this.tenant.adminToken()).body())
			.contains(id);
	}

	@Test
	void badInputIsRefusedWithItsProblemTypeAndNothingIsStored() {
		String tooLong = "http://127.0.0.1/" + "a".repeat(2000);
		Map<String, String> cases = new java.util.LinkedHashMap<>();
		cases.put("{\"url\":\"not a url\"}", "invalid-webhook-url");
		cases.put("{\"url\":\"/relative/path\"}", "invalid-webhook-url");
		cases.put("{\"url\":\"ftp://example.com/hook\"}", "invalid-webhook-url");
		cases.put("{\"url\":\"https://user:password@example.com/hook\"}", "invalid-webhook-url");
		cases.put("{\"url\":\"" + tooLong + "\"}", "invalid-webhook-url");
		cases.put("{\"url\":\"\"}", "invalid-webhook-url");
		cases.put("{\"url\":\"https://example.com/hook\",\"events\":[\"token.exploded\"]}", "unknown-webhook-event");
		cases.put("{\"events\":[\"token.revoked\"]}", null);
		cases.put("{\"url\":42}", null);
		cases.put("{\"url\":\"https://example.com/hook\",\"colour\":\"red\"}", null);

		cases.forEach((json, type) -> {
			ApiResponse response = this.api.post("/api/v1/webhooks", this.tenant.adminToken(), json);
			assertThat(response.status()).as(json + " → " + response).isEqualTo(400);
			if (type != null) {
				assertThat(response.problemType()).as(json).isEqualTo(type);
			}
		});
		assertThat(this.api.get("/api/v1/webhooks", this.tenant.adminToken()).json()).isEmpty();
	}

	@Test
	void aSecondWebhookOfTheSameUrlIsAConflictAndNotStored() {
		createWebhook(this.receiver.url(), null);

		ApiResponse again = this.api.post("/api/v1/webhooks", this.tenant.adminToken(),
				"{\"url\":\"" + this.receiver.url() + "\",\"events\":[\"token.created\"]}");

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("webhook-exists");
		assertThat(this.api.get("/api/v1/webhooks", this.tenant.adminToken()).json()).hasSize(1);
	}

	@Test
	void theOpenApiDocumentDescribesTheWebhookEndpoints() {
		ApiResponse document = this.api.get("/v3/api-docs", null);

		assertThat(document.json().get("paths").propertyNames()).contains("/api/v1/webhooks", "/api/v1/webhooks/{id}",
				"/api/v1/webhooks/{id}/deliveries");
	}

	@Test
	void anOrganisationHasAtMostTwentyWebhooks() {
		for (int i = 0; i < 20; i++) {
			createWebhook(this.receiver.url() + "/" + i, null);
		}

		ApiResponse oneMore = this.api.post("/api/v1/webhooks", this.tenant.adminToken(),
				"{\"url\":\"" + this.receiver.url() + "/20\"}");

		assertThat(oneMore.status()).isEqualTo(409);
		assertThat(oneMore.problemType()).isEqualTo("webhook-limit-reached");
		assertThat(this.api.get("/api/v1/webhooks", this.tenant.adminToken()).json()).hasSize(20);
	}

	@Test
	void readsNeedApiOrReadApiAndChangesNeedApi() {
		ApiResponse created = createWebhook(this.receiver.url(), null);
		String reader = this.api
			.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"reader\",\"scopes\":[\"read_api\"]}")
			.text("token");

		ApiResponse list = this.api.get("/api/v1/webhooks", reader);
		ApiResponse log = this.api.get("/api/v1/webhooks/" + created.text("id") + "/deliveries", reader);
		ApiResponse create = this.api.post("/api/v1/webhooks", reader, "{\"url\":\"" + this.receiver.url() + "/x\"}");
		ApiResponse delete = this.api.delete("/api/v1/webhooks/" + created.text("id"), reader);

		assertThat(list.status()).isEqualTo(200);
		assertThat(log.status()).isEqualTo(200);
		assertThat(create.status()).isEqualTo(403);
		assertThat(delete.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/webhooks", this.tenant.adminToken()).json()).hasSize(1);
	}

	@Test
	void anAdminDemotedToGeneralUserCannotSeeOrCreateWebhooks() {
		Tenant.Member member = this.tenant.anotherAdmin();
		assertThat(this.api
			.put("/api/v1/users/" + member.user().id() + "/role", this.tenant.adminToken(), "{\"role\":\"USER\"}")
			.status()).isEqualTo(200);
		String token = member.token();

		ApiResponse create = this.api.post("/api/v1/webhooks", token, "{\"url\":\"" + this.receiver.url() + "\"}");
		ApiResponse list = this.api.get("/api/v1/webhooks", token);

		assertThat(create.status()).isEqualTo(403);
		assertThat(list.status()).isEqualTo(403);
	}

	@Test
	void withInsecureDestinationsOffLoopbackAndPlainHttpAreRefusedAndNothingIsStored(@Autowired Webhooks webhooks,
			@Autowired WebhookDeliveries deliveries, @Autowired AuditTrail audit, @Autowired Clock clock) {
		WebhookSettings defaults = new WebhookSettings(false, Duration.ofSeconds(2), Duration.ofSeconds(5),
				Duration.ofSeconds(10), Duration.ofHours(24), Duration.ofDays(30), 20);
		WebhookManagement guarded = new WebhookManagement(webhooks, deliveries,
				new Destinations(false, Destinations.DNS), defaults, audit, clock);
		Actor admin = Actor.user(this.tenant.admin().id(), this.tenant.admin().username(),
				this.tenant.organisation().id(), this.tenant.admin().role(), null);
		Function<String, Throwable> create = (url) -> org.assertj.core.api.Assertions
			.catchThrowable(() -> guarded.create(admin, url, null));

		assertThat(create.apply(this.receiver.url())).isInstanceOf(Destinations.InsecureDestination.class)
			.hasMessageContaining("https");
		assertThat(create.apply("https://127.0.0.1:8443/hook")).isInstanceOf(Destinations.InsecureDestination.class)
			.hasMessageContaining("non-public");
		assertThat(create.apply("https://localhost/hook")).isInstanceOf(Destinations.InsecureDestination.class);
		assertThat(create.apply("https://169.254.169.254/latest/meta-data"))
			.isInstanceOf(Destinations.InsecureDestination.class);
		assertThat(create.apply("https://[::1]/hook")).isInstanceOf(Destinations.InsecureDestination.class);
		assertThatThrownBy(() -> guarded.create(admin, "https://10.0.0.8/hook", null))
			.isInstanceOf(Destinations.InsecureDestination.class);
		assertThat(this.api.get("/api/v1/webhooks", this.tenant.adminToken()).json()).isEmpty();
	}

	private ApiResponse createWebhook(String url, String eventsJson) {
		String json = (eventsJson != null) ? "{\"url\":\"" + url + "\",\"events\":" + eventsJson + "}"
				: "{\"url\":\"" + url + "\"}";
		ApiResponse created = this.api.post("/api/v1/webhooks", this.tenant.adminToken(), json);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		SecretCanary.issued(created.text("secret"));
		return created;
	}

	private String createToken(String name) {
		ApiResponse created = this.api.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.text("id");
	}

	private void revoke(String tokenId) {
		assertThat(this.api.post("/api/v1/tokens/" + tokenId + "/revoke", this.tenant.adminToken(), null).status())
			.isEqualTo(200);
	}

	private List<JsonNode> deliveries(String webhookId) {
		ApiResponse log = this.api.get("/api/v1/webhooks/" + webhookId + "/deliveries", this.tenant.adminToken());
		assertThat(log.status()).as(log.toString()).isEqualTo(200);
		List<JsonNode> list = new ArrayList<>();
		log.json().forEach(list::add);
		return list;
	}

	/** Token events reach the outbox after their commit; waits until they did. */
	private List<JsonNode> awaitDeliveries(String webhookId, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(webhookId).size() >= count);
		return deliveries(webhookId);
	}

	static String hmac(byte[] body, String secret) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

}
