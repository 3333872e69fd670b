package dev.latchkey.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Role;
import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.ConsoleClient;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.IntegrationTest;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.Tenant.Member;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's session security over plain HTTP: session ids, cookies, CSRF, the
 * Content-Security-Policy, where the secret may appear, and sessions that end when the
 * user changes.
 */
@IntegrationTest
class ConsoleSecurityIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("value=\"(lkp_[A-Za-z0-9]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserManagement users;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExpiredSessions expiredSessions;

	Tenant tenant;

	ConsoleClient console;

	@BeforeEach
	void setUp() {
		this.tenant = this.fixtures.tenant();
		this.console = new ConsoleClient(this.port);
	}

	@Test
	void signingInIssuesANewSessionIdInAnHttpOnlySameSiteCookie() {
		this.console.get("/login");
		String before = this.console.sessionId();

		ApiResponse signedIn = this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);

		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/");
		assertThat(before).isNotNull();
		assertThat(this.console.sessionId()).isNotNull().isNotEqualTo(before);
		assertThat(signedIn.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(ConsoleClient.SESSION_COOKIE + "=")
				.contains("HttpOnly")
				.contains("SameSite=Lax"));
	}

	@Test
	void theSessionIsKeptInTheSharedDatabaseAndEndsAfterThirtyIdleMinutes() {
		this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);

		List<Integer> idleSeconds = this.jdbc
			.sql("select max_inactive_interval from spring_session where principal_name = :name")
			.param("name", this.tenant.admin().username())
			.query(Integer.class)
			.list();

		assertThat(idleSeconds).containsExactly(30 * 60);
	}

	@Test
	void aSessionThatCanNoLongerBeReadSignsTheVisitorOutInsteadOfFailing() {
		this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);
		this.jdbc.sql("""
				update spring_session_attributes set attribute_bytes = :garbage
				where session_primary_id in (select primary_id from spring_session where principal_name = :name)
				""")
			.param("garbage", "not a serialized object".getBytes(StandardCharsets.US_ASCII))
			.param("name", this.tenant.admin().username())
			.update();

		ApiResponse page = this.console.get("/admin/api-tokens");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");
	}

	@Test
	void signingInReturnsToThePageAskedForWithoutItsQuery() {
		this.console.get("/admin/users?filter=x");

		ApiResponse signedIn = this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);
		ApiResponse straightIn = new ConsoleClient(this.port).signIn(this.tenant.admin().username(), Fixtures.PASSWORD);

		assertThat(signedIn.header("Location")).endsWith("/admin/users");
		assertThat(straightIn.header("Location")).endsWith("/").doesNotContain("/admin");
	}

	@Test
	void theCleanupJobRemovesExpiredSessionsAndKeepsLiveOnes() {
		this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);
		Member other = this.tenant.anotherAdmin();
		new ConsoleClient(this.port).signIn(other.user().username(), Fixtures.PASSWORD);
		this.jdbc.sql("update spring_session set expiry_time = 0 where principal_name = :name")
			.param("name", this.tenant.admin().username())
			.update();

		this.expiredSessions.remove();

		assertThat(sessionsOf(this.tenant.admin())).isZero();
		assertThat(sessionsOf(other.user())).isOne();
	}

	@Test
	void aTokenSentToAConsolePageIsNotStoredInTheSession() {
		ApiResponse page = new Api(this.port).get("/admin/api-tokens", this.tenant.adminToken());

		String stored = this.jdbc.sql("select attribute_bytes from spring_session_attributes")
			.query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.ISO_8859_1))
			.list()
			.toString();

		assertThat(page.status()).isEqualTo(302);
		assertThat(stored).doesNotContain(this.tenant.adminToken());
	}

	@Test
	void everyPageSendsAContentSecurityPolicyWithoutInlineScriptsAndHasNone() {
		assertStrictPolicy("/login");
		this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);

		for (String path : List.of("/", "/admin/api-tokens", "/admin/api-tokens/new", "/admin/clients",
				"/admin/clients/new", "/admin/scopes", "/admin/users", "/admin/audit", "/admin/settings", "/logout")) {
			assertStrictPolicy(path);
		}
	}

	private void assertStrictPolicy(String path) {
		ApiResponse page = this.console.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		assertThat(page.header("Content-Security-Policy")).as(path)
			.contains("script-src 'self'")
			.contains("style-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(page.body()).as(path)
			.doesNotContainPattern("<script(?![^>]*\\bsrc=)")
			.doesNotContain(" style=")
			.doesNotContain(" onclick=");
	}

	@Test
	void stateChangingPostsWithoutTheCsrfTokenAreRefused() {
		this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);

		ApiResponse create = this.console.postWithout("/admin/api-tokens", Map.of("name", "forged"));
		ApiResponse settings = this.console.postWithout("/admin/settings", Map.of("maxTokensPerLicense", "100",
				"defaultTokenLifetimeDays", "3650", "maxTokenLifetimeDays", "3650"));
		ApiResponse logout = this.console.postWithout("/logout", Map.of());

		assertThat(List.of(create.status(), settings.status(), logout.status())).containsOnly(403);
		assertThat(create.body()).contains("The form has expired");
		assertThat(this.console.get("/admin/api-tokens").body()).doesNotContain("forged");
	}

	@Test
	void theSecretIsInTheUncachedCreateResponseOnly() {
		this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);
		this.console.get("/admin/api-tokens");

		ApiResponse created = this.console.post("/admin/api-tokens",
				Map.of("name", "only-once", "description", "", "lifetimeDays", "30"));
		Matcher matcher = SECRET.matcher(created.body());
		assertThat(matcher.find()).isTrue();
		String secret = matcher.group(1);

		assertThat(created.status()).isEqualTo(200);
		assertThat(created.header("Cache-Control")).isEqualTo("no-store");
		assertThat(created.header("Location")).isNull();
		assertThat(new Api(this.port).get("/api/v1/me", secret).status()).isEqualTo(200);
		for (String path : List.of("/admin/api-tokens", "/admin/audit", "/admin/users", "/")) {
			assertThat(this.console.get(path).body()).as(path).doesNotContain(secret);
		}
	}

	@Test
	void unauthenticatedVisitorsAreSentToTheSignInPage() {
		ApiResponse page = this.console.get("/admin/api-tokens");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");
	}

	@Test
	void aGeneralUserIsRefusedEveryAdminPage() {
		User user = this.tenant.user(true);
		this.console.signIn(user.username(), Fixtures.PASSWORD);

		for (String path : List.of("/admin/api-tokens", "/admin/clients", "/admin/scopes", "/admin/users",
				"/admin/audit", "/admin/settings")) {
			ApiResponse page = this.console.get(path);
			assertThat(page.status()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path).contains("You can't open this page");
		}
		assertThat(this.console.get("/").body()).doesNotContain("admin-tile");
	}

	@Test
	void aDeactivatedUsersSessionEndsOnTheirNextRequest() {
		Member member = this.tenant.anotherAdmin();
		this.console.signIn(member.user().username(), Fixtures.PASSWORD);
		assertThat(this.console.get("/admin/api-tokens").status()).isEqualTo(200);

		this.users.deactivate(adminActor(), member.user().id());
		ApiResponse next = this.console.get("/admin/api-tokens");

		assertThat(next.status()).isEqualTo(302);
		assertThat(next.header("Location")).endsWith("/login");
		assertThat(this.console.signIn(member.user().username(), Fixtures.PASSWORD).header("Location"))
			.endsWith("/login?error");
	}

	@Test
	void aRoleChangeAppliesToTheOpenSessionAtOnce() {
		Member member = this.tenant.anotherAdmin();
		this.console.signIn(member.user().username(), Fixtures.PASSWORD);
		assertThat(this.console.get("/admin/users").status()).isEqualTo(200);

		this.users.changeRole(adminActor(), member.user().id(), Role.USER);

		assertThat(this.console.get("/admin/users").status()).isEqualTo(403);
	}

	@Test
	void theSessionDoesNotAuthenticateTheApi() {
		this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);

		assertThat(this.console.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void failedSignInsOfAnAccountAreSlowedDownAndAudited() {
		Member member = this.tenant.anotherAdmin();
		String username = member.user().username();

		for (int i = 0; i < 6; i++) {
			assertThat(this.console.signIn(username, "wrong password " + i).header("Location"))
				.endsWith("/login?error");
		}
		ApiResponse whileWaiting = this.console.signIn(username, Fixtures.PASSWORD);

		assertThat(whileWaiting.header("Location")).endsWith("/login?throttled");
		assertThat(this.console.get("/login?throttled").body()).contains("Too many failed sign-ins");
		assertThat(types(member.user())).containsOnly("LOGIN_FAILED").hasSize(6);
	}

	@Test
	void signingInAndOutIsAuditedAndSigningOutSaysWhatItRevokes() {
		this.console.signIn(this.tenant.admin().username(), Fixtures.PASSWORD);

		ApiResponse question = this.console.get("/logout");
		ApiResponse signedOut = this.console.post("/logout", Map.of());

		assertThat(question.body()).contains("Signing out revokes your").contains("1 active API token");
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.header("Location")).endsWith("/login?logout");
		assertThat(signedOut.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith(ConsoleClient.SESSION_COOKIE + "=;").contains("Max-Age=0"));
		assertThat(sessionsOf(this.tenant.admin())).isZero();
		assertThat(new Api(this.port).get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(401);
		assertThat(types(this.tenant.admin())).containsSubsequence("LOGIN", "LOGOUT");
		assertThat(this.audit.forTarget(this.tenant.organisation().id(), this.tenant.admin().id().toString()))
			.filteredOn((event) -> "LOGOUT".equals(event.type()))
			.extracting(AuditEvent::details)
			.containsExactly("console, tokensRevoked=1");
		assertThat(this.console.get("/admin/api-tokens").status()).isEqualTo(302);
	}

	private List<String> types(User user) {
		return this.audit.forTarget(this.tenant.organisation().id(), user.id().toString())
			.stream()
			.map(AuditEvent::type)
			.filter((type) -> type.startsWith("LOG"))
			.toList();
	}

	private long sessionsOf(User user) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :name")
			.param("name", user.username())
			.query(Long.class)
			.single();
	}

	private Actor adminActor() {
		User admin = this.tenant.admin();
		return Actor.user(admin.id(), admin.username(), admin.organisationId(), Role.ORG_ADMIN, null);
	}

}
