package dev.latchkey.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Race;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.IntegrationTest;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server instances on one PostgreSQL schema: this test's application (A) and a second
 * one started beside it (B). What one instance changes, the other honours within the
 * propagation bound, and the instance that answered a change honours it at once.
 */
@IntegrationTest
// both instances take the client address from X-Forwarded-For sent over loopback, so a
// test can present a token from any address
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")
class MultiInstanceIntegrationTests {

	/** The documented propagation bound between instances (docs/architecture.md). */
	static final Duration PROPAGATION_BOUND = Duration.ofSeconds(1);

	/** B waits this long before reconnecting its listener, so a notice can be lost. */
	static final Duration RECONNECT_BACKOFF = Duration.ofMillis(1500);

	private static ConfigurableApplicationContext second;

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	Api a;

	Api b;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		Assumptions.assumeTrue(TestDatabase.isPostgres(),
				"Several instances share PostgreSQL only; the embedded H2 database serves one instance");
		if (second == null) {
			second = startSecondInstance();
		}
		this.a = new Api(this.port);
		this.b = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
		this.tenant = this.fixtures.tenant();
		await().atMost(Duration.ofSeconds(10)).until(() -> listenerOf(second).isConnected());
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void aTokenRevokedOnOneInstanceIsRefusedByTheOtherWithinTheBound() {
		Token token = createOnA("revoke-me");
		assertThat(this.b.get("/api/v1/me", token.secret()).status()).isEqualTo(200);

		ApiResponse revoked = this.a.post("/api/v1/tokens/" + token.id() + "/revoke", this.tenant.adminToken(), null);

		assertThat(revoked.status()).isEqualTo(200);
		assertThat(this.a.get("/api/v1/me", token.secret()).status()).isEqualTo(401);
		awaitStatus(this.b, token, 401, PROPAGATION_BOUND);
	}

	@Test
	void aRotationWithoutOverlapEndsTheOldSecretOnTheOtherInstanceWithinTheBound() {
		// given: the old secret is cached on B
		Token token = createOnA("rotate-me");
		assertThat(this.b.get("/api/v1/me", token.secret()).status()).isEqualTo(200);

		// when
		ApiResponse rotated = this.a.post("/api/v1/tokens/" + token.id() + "/rotate", this.tenant.adminToken(),
				"{\"overlapHours\":0}");

		// then
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		Token fresh = new Token(token.id(), rotated.text("token"));
		assertThat(this.a.get("/api/v1/me", token.secret()).status()).isEqualTo(401);
		awaitStatus(this.b, token, 401, PROPAGATION_BOUND);
		assertThat(this.b.get("/api/v1/me", fresh.secret()).status()).isEqualTo(200);
	}

	@Test
	void duringAnOverlapBothSecretsWorkOnBothInstances() {
		// given
		Token token = createOnA("overlap");
		assertThat(this.a.get("/api/v1/me", token.secret()).status()).isEqualTo(200);

		// when: rotated on B
		ApiResponse rotated = this.b.post("/api/v1/tokens/" + token.id() + "/rotate", this.tenant.adminToken(),
				"{\"overlapHours\":1}");

		// then
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		Token fresh = new Token(token.id(), rotated.text("token"));
		awaitStatus(this.a, fresh, 200, PROPAGATION_BOUND);
		for (Api instance : List.of(this.a, this.b)) {
			assertThat(instance.get("/api/v1/me", token.secret()).status()).isEqualTo(200);
			assertThat(instance.get("/api/v1/me", fresh.secret()).status()).isEqualTo(200);
		}
	}

	@Test
	void aRevocationOnTheSecondInstanceIsHonouredByTheFirst() {
		Token token = createOnA("revoke-on-b");
		assertThat(this.a.get("/api/v1/me", token.secret()).status()).isEqualTo(200);

		ApiResponse revoked = this.b.post("/api/v1/tokens/" + token.id() + "/revoke", this.tenant.adminToken(), null);

		assertThat(revoked.status()).isEqualTo(200);
		assertThat(this.b.get("/api/v1/me", token.secret()).status()).isEqualTo(401);
		awaitStatus(this.a, token, 401, PROPAGATION_BOUND);
	}

	@Test
	void aTokenReapprovedOnOneInstanceIsAcceptedByTheOtherWithinTheBound() {
		Token token = createOnA("reapprove-me");
		this.a.post("/api/v1/tokens/" + token.id() + "/revoke", this.tenant.adminToken(), null);
		awaitStatus(this.b, token, 401, PROPAGATION_BOUND);

		ApiResponse reapproved = this.a.post("/api/v1/tokens/" + token.id() + "/reapprove", this.tenant.adminToken(),
				null);

		assertThat(reapproved.status()).as(reapproved.body()).isEqualTo(200);
		assertThat(this.a.get("/api/v1/me", token.secret()).status()).isEqualTo(200);
		awaitStatus(this.b, token, 200, PROPAGATION_BOUND);
	}

	@Test
	void deactivatingTheOwnerOnOneInstanceStopsTheTokenOnTheOther() {
		Tenant.Member member = this.tenant.anotherAdmin();
		assertThat(this.b.get("/api/v1/me", member.token()).status()).isEqualTo(200);

		this.a.post("/api/v1/users/" + member.user().id() + "/deactivate", this.tenant.adminToken(), null);

		assertThat(this.a.get("/api/v1/me", member.token()).status()).isEqualTo(401);
		await().atMost(PROPAGATION_BOUND).until(() -> this.b.get("/api/v1/me", member.token()).status() == 401);
	}

	@Test
	void aRoleChangeOnOneInstanceIsSeenByTheOther() {
		Tenant.Member member = this.tenant.anotherAdmin();
		assertThat(role(this.b.get("/api/v1/me", member.token()))).isEqualTo("ORG_ADMIN");

		ApiResponse changed = this.a.put("/api/v1/users/" + member.user().id() + "/role", this.tenant.adminToken(),
				"{\"role\":\"USER\"}");

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		await().atMost(PROPAGATION_BOUND).until(() -> "USER".equals(role(this.b.get("/api/v1/me", member.token()))));
	}

	@Test
	void theLimitOfTenHoldsAcrossInstances() throws Exception {
		int created = Race.parallelCreates(50, (i) -> ((i % 2 == 0) ? this.a : this.b).post("/api/v1/tokens",
				this.tenant.adminToken(), "{\"name\":\"parallel-" + i + "\"}"));

		assertThat(created).isEqualTo(9);
		assertThat(this.b.get("/api/v1/tokens", this.tenant.adminToken()).json().size()).isEqualTo(10);
	}

	@Test
	void aDroppedListenerConnectionIsRecoveredAndResynchronised() {
		Token missed = createOnA("revoked-while-away");
		Token later = createOnA("revoked-after-return");
		assertThat(this.b.get("/api/v1/me", missed.secret()).status()).isEqualTo(200);
		assertThat(this.b.get("/api/v1/me", later.secret()).status()).isEqualTo(200);
		NotificationListener listener = listenerOf(second);
		int droppedPid = listener.backendPid();
		long connectsBefore = listener.connects();

		this.jdbc.sql("select pg_terminate_backend(:pid)").param("pid", droppedPid).query((rs) -> {
		});
		this.a.post("/api/v1/tokens/" + missed.id() + "/revoke", this.tenant.adminToken(), null);

		// Refused after the reconnect clears the cache, well before the cache's own
		// expiry.
		awaitStatus(this.b, missed, 401, RECONNECT_BACKOFF.plusSeconds(3));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> listener.isConnected() && listener.connects() > connectsBefore
					&& listener.backendPid() != droppedPid);
		this.a.post("/api/v1/tokens/" + later.id() + "/revoke", this.tenant.adminToken(), null);
		awaitStatus(this.b, later, 401, PROPAGATION_BOUND);
	}

	@Test
	void narrowingScopesOnOneInstanceIsHonouredThereAtOnceAndByTheOtherWithinTheBound() {
		Token token = createOnA("narrow-me");
		assertThat(unsafeCall(this.a, token).status()).as("api may change").isEqualTo(400);
		assertThat(unsafeCall(this.b, token).status()).as("api may change").isEqualTo(400);

		ApiResponse narrowed = patch(this.a, token, "{\"scopes\":[\"read_api\"]}");

		assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
		assertThat(unsafeCall(this.a, token).status()).isEqualTo(403);
		assertThat(this.a.get("/api/v1/tokens", token.secret()).status()).isEqualTo(200);
		awaitAnswer(() -> unsafeCall(this.b, token), 403, PROPAGATION_BOUND);
		assertThat(this.b.get("/api/v1/tokens", token.secret()).status()).isEqualTo(200);
	}

	@Test
	void wideningOnTheOtherInstanceIsRefusedAndChangesNothingOnEither() {
		Token token = createOnA("stay-narrow");
		assertThat(patch(this.a, token, "{\"scopes\":[\"read_api\"]}").status()).isEqualTo(200);
		awaitAnswer(() -> unsafeCall(this.b, token), 403, PROPAGATION_BOUND);

		ApiResponse widened = patch(this.b, token, "{\"scopes\":[\"api\"]}");

		assertThat(widened.status()).as(widened.body()).isEqualTo(409);
		assertThat(widened.problemType()).isEqualTo("scope-widening");
		assertThat(unsafeCall(this.a, token).status()).isEqualTo(403);
		assertThat(unsafeCall(this.b, token).status()).isEqualTo(403);
	}

	@Test
	void anAllowlistChangedOnOneInstanceIsHonouredThereAtOnceAndByTheOtherWithinTheBound() {
		ApiResponse created = this.a.post("/api/v1/tokens", this.tenant.adminToken(),
				"{\"name\":\"move-me\",\"allowedIps\":[\"198.51.100.0/24\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Token token = new Token(created.text("id"), created.text("token"));
		String office = "198.51.100.7";
		String home = "2001:db8::7";
		assertThat(meFrom(this.a, token, office).status()).isEqualTo(200);
		assertThat(meFrom(this.b, token, office).status()).isEqualTo(200);
		assertThat(meFrom(this.b, token, home).status()).isEqualTo(401);

		ApiResponse moved = patch(this.a, token, "{\"allowedIps\":[\"2001:db8::/32\"]}");

		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(meFrom(this.a, token, office).status()).isEqualTo(401);
		assertThat(meFrom(this.a, token, home).status()).isEqualTo(200);
		awaitAnswer(() -> meFrom(this.b, token, office), 401, PROPAGATION_BOUND);
		assertThat(meFrom(this.b, token, home).status()).isEqualTo(200);

		// and back the other way: cleared on B, honoured at once on B and soon on A
		ApiResponse cleared = patch(this.b, token, "{\"allowedIps\":[]}");

		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(meFrom(this.b, token, office).status()).isEqualTo(200);
		awaitAnswer(() -> meFrom(this.a, token, office), 200, PROPAGATION_BOUND);
	}

	/**
	 * An unsafe call that changes nothing: 400 (the empty body) once the token passes.
	 */
	@Test
	void aClientDisabledOrGivenANewSecretOnOneInstanceIsRefusedByTheOtherWithinTheBound() {
		// given: a client whose authentication B has cached
		ApiResponse registered = this.a.post("/api/v1/clients", this.tenant.adminToken(), "{\"name\":\"orders\"}");
		String id = registered.text("id");
		String clientId = registered.text("clientId");
		String secret = registered.text("clientSecret");
		assertThat(introspect(this.b, clientId, secret).status()).isEqualTo(200);

		// when / then: disabled on A
		this.a.post("/api/v1/clients/" + id + "/disable", this.tenant.adminToken(), null);
		awaitAnswer(() -> introspect(this.b, clientId, secret), 401, PROPAGATION_BOUND);

		// when / then: enabled on B, then a new secret on A
		this.b.post("/api/v1/clients/" + id + "/enable", this.tenant.adminToken(), null);
		awaitAnswer(() -> introspect(this.a, clientId, secret), 200, PROPAGATION_BOUND);
		String newSecret = this.a.post("/api/v1/clients/" + id + "/secret", this.tenant.adminToken(), null)
			.text("clientSecret");
		awaitAnswer(() -> introspect(this.b, clientId, secret), 401, PROPAGATION_BOUND);
		assertThat(introspect(this.b, clientId, newSecret).status()).isEqualTo(200);
	}

	private ApiResponse introspect(Api instance, String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return instance.send(instance.raw("/oauth2/introspect")
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + this.tenant.adminToken())));
	}

	private static ApiResponse unsafeCall(Api instance, Token token) {
		return instance.post("/api/v1/tokens", token.secret(), "{}");
	}

	private static ApiResponse meFrom(Api instance, Token token, String clientAddress) {
		return instance.send(instance.raw("/api/v1/me")
			.header("Authorization", "Bearer " + token.secret())
			.header("X-Forwarded-For", clientAddress)
			.GET());
	}

	private ApiResponse patch(Api instance, Token token, String json) {
		return instance.send(instance.raw("/api/v1/tokens/" + token.id())
			.header("Authorization", "Bearer " + this.tenant.adminToken())
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json)));
	}

	private static void awaitAnswer(Supplier<ApiResponse> call, int status, Duration bound) {
		await().atMost(bound).pollInterval(Duration.ofMillis(20)).until(() -> call.get().status() == status);
	}

	private Token createOnA(String name) {
		ApiResponse created = this.a.post("/api/v1/tokens", this.tenant.adminToken(), "{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Token(created.text("id"), created.text("token"));
	}

	private static void awaitStatus(Api instance, Token token, int status, Duration bound) {
		await().atMost(bound)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> instance.get("/api/v1/me", token.secret()).status() == status);
	}

	private static String role(ApiResponse me) {
		return (me.status() == 200) ? me.json().get("user").get("role").asString() : "refused: " + me.status();
	}

	private static NotificationListener listenerOf(ConfigurableApplicationContext context) {
		return context.getBean(NotificationListener.class);
	}

	/** B: the same application on the same schema, on a port of its own. */
	private ConfigurableApplicationContext startSecondInstance() {
		List<String> args = new ArrayList<>();
		for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
				"spring.flyway.schemas", "spring.flyway.default-schema")) {
			args.add("--" + name + "=" + this.environment.getProperty(name, ""));
		}
		args.addAll(List.of("--server.port=0", "--management.server.port=0", "--latchkey.scheduling.enabled=false",
				"--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
				"--latchkey.admin.password=first-start-password",
				"--latchkey.cluster.reconnect-min-backoff=" + RECONNECT_BACKOFF.toMillis() + "ms",
				"--spring.main.banner-mode=off"));
		return new SpringApplicationBuilder(LatchkeyApplication.class).run(args.toArray(String[]::new));
	}

	private record Token(String id, String secret) {

	}

}
