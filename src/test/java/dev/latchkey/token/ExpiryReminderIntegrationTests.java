package dev.latchkey.token;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.system.Actor;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Race;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.user.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §9: an expiry reminder is announced exactly once per token, threshold and expiry:
 * when the job runs twice, when two instances run it at once, and across a restart; and
 * at the thresholds the token's organisation chose.
 */
class ExpiryReminderIntegrationTests extends TenantIntegrationTests {

	@Autowired
	ExpiryReminders reminders;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private final List<TokenExpiryApproaching> announced = new CopyOnWriteArrayList<>();

	private final ApplicationListener<ApplicationEvent> recorder = (event) -> {
		if (event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload() instanceof TokenExpiryApproaching approaching) {
			this.announced.add(approaching);
		}
	};

	@BeforeEach
	void recordAnnouncements() {
		this.context.addApplicationListener(this.recorder);
	}

	@AfterEach
	void stopRecording() {
		this.context.removeApplicationListener(this.recorder);
	}

	@Test
	void eachThresholdIsAnnouncedOnceWhenTheJobRunsTwice() {
		// given: 30 days to live, default reminders at 7 and 1 days
		String token = create(this.tenant, "deploy", 30);

		// when: within 7 days, then within 1 day, the job running twice each time
		this.clock.advance(Duration.ofDays(23).plusMinutes(1));
		this.reminders.announceDue();
		this.reminders.announceDue();
		List<Integer> afterSevenDays = thresholdsAnnounced(token);
		this.clock.advance(Duration.ofDays(6));
		this.reminders.announceDue();
		this.reminders.announceDue();

		// then
		assertThat(afterSevenDays).containsExactly(7);
		assertThat(thresholdsAnnounced(token)).containsExactly(7, 1);
		assertThat(claims(token)).isEqualTo(2);
		TokenExpiryApproaching first = this.announced.stream()
			.filter((event) -> event.token().id().toString().equals(token))
			.findFirst()
			.orElseThrow();
		assertThat(first.token().name()).isEqualTo("deploy");
		assertThat(first.type()).isEqualTo("token.expiry_approaching");
	}

	@Test
	void nothingIsAnnouncedBeforeTheFirstThreshold() {
		// given
		String token = create(this.tenant, "far", 30);
		this.clock.advance(Duration.ofDays(22));

		// when
		this.reminders.announceDue();

		// then
		assertThat(thresholdsAnnounced(token)).isEmpty();
		assertThat(claims(token)).isZero();
	}

	@Test
	void twoInstancesRunningTheJobAtOnceAnnounceEachReminderOnce() throws Exception {
		// given: five tokens within their 7-day reminder
		List<String> tokens = List.of(create(this.tenant, "a", 5), create(this.tenant, "b", 5),
				create(this.tenant, "c", 5), create(this.tenant, "d", 5), create(this.tenant, "e", 5));

		// when
		Callable<Integer> run = this.reminders::announceDue;
		Race.of(List.of(run, run, run));

		// then
		for (String token : tokens) {
			assertThat(thresholdsAnnounced(token)).containsExactly(7);
			assertThat(claims(token)).isEqualTo(1);
		}
	}

	@Test
	void aTokenCreatedInsideABiggerThresholdGetsThatReminderThenTheSmallerOne() {
		// given
		String token = create(this.tenant, "short", 3);

		// when
		this.reminders.announceDue();
		this.clock.advance(Duration.ofDays(2).plusMinutes(1));
		this.reminders.announceDue();

		// then
		assertThat(thresholdsAnnounced(token)).containsExactly(7, 1);
	}

	@Test
	void aThresholdPassedWhileTheJobDidNotRunIsPassedOver() {
		// given: nobody ran the job until half a day was left
		String token = create(this.tenant, "late", 30);
		this.clock.advance(Duration.ofDays(29).plusHours(12));

		// when
		this.reminders.announceDue();
		this.reminders.announceDue();

		// then: one reminder, the nearest; the 7-day one will never come
		assertThat(thresholdsAnnounced(token)).containsExactly(1);
		assertThat(claims(token)).isEqualTo(2);
	}

	@Test
	void theOrganisationsThresholdsAreRespectedWhenTheyChange() {
		// given: reminders off
		String token = create(this.tenant, "policy", 30);
		remindAt(this.tenant, "[]");
		this.clock.advance(Duration.ofDays(25));
		this.reminders.announceDue();
		List<Integer> whenOff = thresholdsAnnounced(token);

		// when: 10 days before expiry (5 are left now), then 3
		remindAt(this.tenant, "[10, 3]");
		this.reminders.announceDue();
		this.clock.advance(Duration.ofDays(2).plusMinutes(1));
		this.reminders.announceDue();

		// then
		assertThat(whenOff).isEmpty();
		assertThat(thresholdsAnnounced(token)).containsExactly(10, 3);
	}

	@Test
	void anotherOrganisationsThresholdsDoNotApplyToThisOne() {
		// given: the other organisation reminds 30 days before, this one at 7 and 1
		String ours = create(this.tenant, "ours", 20);
		Tenant other = this.fixtures.tenant();
		String theirs = create(other, "theirs", 20);
		remindAt(other, "[30]");

		// when
		this.reminders.announceDue();

		// then
		assertThat(thresholdsAnnounced(ours)).isEmpty();
		assertThat(thresholdsAnnounced(theirs)).containsExactly(30);
	}

	@Test
	void aRotatedTokenIsRemindedAgainForItsNewExpiry() {
		// given: reminded
		String token = create(this.tenant, "rotating", 5);
		this.reminders.announceDue();

		// when: rotated (a new expiry, 5 days from now) and the job runs again
		this.clock.advance(Duration.ofDays(1));
		ApiResponse rotated = this.api.post("/api/v1/tokens/" + token + "/rotate", this.tenant.adminToken(),
				"{\"overlapHours\":0}");
		this.reminders.announceDue();

		// then
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		assertThat(thresholdsAnnounced(token)).containsExactly(7, 7);
		assertThat(this.announced.stream()
			.filter((event) -> event.token().id().toString().equals(token))
			.map((event) -> event.token().expiresAt())
			.distinct()).hasSize(2);
	}

	@Test
	void deletingATokenDeletesItsReminders() {
		// given
		String token = create(this.tenant, "doomed", 5);
		this.reminders.announceDue();
		assertThat(claims(token)).isEqualTo(1);

		// when
		ApiResponse deleted = this.api.delete("/api/v1/tokens/" + token, this.tenant.adminToken());

		// then
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
		assertThat(claims(token)).isZero();
	}

	@Test
	void aReminderClaimedBeforeARestartIsNotAnnouncedAfterIt(@TempDir Path directory) {
		// given: a reminder announced by the first run of an installation
		String url = "jdbc:h2:file:" + directory.resolve("latchkey") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
		int beforeRestart;
		try (ConfigurableApplicationContext first = start(url)) {
			Users users = first.getBean(Users.class);
			first.getBean(TokenManagement.class)
				.issueFor(Actor.operator(), users.findByUsername("admin").orElseThrow().id(),
						new NewToken("soon", null, 5, null, null, null));
			beforeRestart = Reminders.announceDue(first);
		}

		// when: the installation restarts and runs the job again
		int afterRestart;
		long claims;
		try (ConfigurableApplicationContext second = start(url)) {
			afterRestart = Reminders.announceDue(second);
			claims = second.getBean(JdbcClient.class)
				.sql("select count(*) from expiry_reminders")
				.query(Long.class)
				.single();
		}

		// then
		assertThat(beforeRestart).isEqualTo(1);
		assertThat(afterRestart).isZero();
		assertThat(claims).isEqualTo(1);
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(LatchkeyApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.datasource.url=" + url,
				"--latchkey.admin.password=restart-password", "--latchkey.scheduling.enabled=false");
	}

	private String create(Tenant tenant, String name, int days) {
		ApiResponse created = this.api.post("/api/v1/tokens", tenant.adminToken(),
				"{\"name\":\"" + name + "\",\"expiresInDays\":" + days + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("id");
	}

	private void remindAt(Tenant tenant, String days) {
		ApiResponse changed = this.api.put("/api/v1/organisation/policies", tenant.adminToken(),
				"{\"maxTokensPerLicense\":10,\"defaultTokenLifetimeDays\":90,\"maxTokenLifetimeDays\":365,"
						+ "\"revokeTokensOnLogout\":true,\"expiryReminderDays\":" + days + "}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
	}

	/** The thresholds announced for the token, in the order they were. */
	private List<Integer> thresholdsAnnounced(String token) {
		return this.announced.stream()
			.filter((event) -> event.token().id().toString().equals(token))
			.map(TokenExpiryApproaching::thresholdDays)
			.toList();
	}

	private long claims(String token) {
		return this.jdbc.sql("select count(*) from expiry_reminders where token_id = :id")
			.param("id", UUID.fromString(token))
			.query(Long.class)
			.single();
	}

}
