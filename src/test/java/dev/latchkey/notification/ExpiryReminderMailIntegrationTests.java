package dev.latchkey.notification;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Role;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.SecretCanary;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.token.IssuedToken;
import dev.latchkey.token.NewToken;
import dev.latchkey.token.Reminders;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §9: the expiry reminder reaches the owner's mailbox on a real SMTP server
 * (GreenMail, inside the test JVM on a free port), with the token's name, hint, expiry
 * and a link to the console, and never its secret.
 */
class ExpiryReminderMailIntegrationTests extends TenantIntegrationTests {

	private static final String CONSOLE = "https://latchkey.example.test/console/";

	/** A port nothing else in this JVM uses: the server binds it, and binds it again. */
	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp = startSmtp();

	@Autowired
	ApplicationContext context;

	@Autowired
	UserManagement users;

	@Autowired
	TokenManagement tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("latchkey.notification.console-url", () -> CONSOLE);
		registry.add("latchkey.notification.from", () -> "latchkey@example.test");
	}

	@BeforeEach
	void emptyMailboxes() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void theReminderReachesTheOwnersMailboxWithoutTheSecret() throws Exception {
		// given: a token of an owner with an address, 5 days from its expiry
		User owner = ownerWithAddress("owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
		IssuedToken token = issue(owner, "deploy", 5);

		// when
		Reminders.announceDue(this.context);

		// then
		MimeMessage message = awaitOneMessage();
		String raw = GreenMailUtil.getWholeMessage(message);
		assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly(owner.email());
		assertThat(message.getSubject()).isEqualTo("Your API token “deploy” expires in 5 days");
		String body = (String) message.getContent();
		assertThat(body).contains("“deploy”")
			.contains(token.view().token().hint())
			.contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
				.withZone(ZoneOffset.UTC)
				.format(token.view().token().expiresAt()))
			.contains(CONSOLE);
		assertThat(raw).doesNotContain(token.secret().reveal());
		assertThat(body).doesNotContain(token.secret().reveal());
	}

	@Test
	void anOwnerWithoutAnAddressGetsNoEMail() {
		// given: the tenant's admin has no address
		issue(this.tenant.admin(), "no-address", 5);

		// when
		Reminders.announceDue(this.context);

		// then: the reminder was handled, and nothing was sent
		awaitNoIncompletePublications();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void aReminderWhoseEMailFailedIsSentWhenItIsResubmitted() throws Exception {
		// given: the SMTP server is down when the reminder is announced
		User owner = ownerWithAddress("retry-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
		issue(owner, "retried", 5);
		smtp.stop();
		try {
			Reminders.announceDue(this.context);
			await().atMost(Duration.ofSeconds(20)).until(() -> incompletePublications() > 0 && failed() > 0);
		}
		finally {
			smtp = startSmtp();
		}

		// when: the failed publication is resubmitted, as the retry job and a restart do
		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

		// then
		MimeMessage message = awaitOneMessage();
		assertThat(message.getSubject()).isEqualTo("Your API token “retried” expires in 5 days");
		awaitNoIncompletePublications();
	}

	private User ownerWithAddress(String email) {
		return this.users.create(Actor.operator(), this.tenant.organisation().id(), new NewUser(
				email.substring(0, email.indexOf('@')), Fixtures.PASSWORD, Role.ORG_ADMIN, true, email, null));
	}

	private IssuedToken issue(User owner, String name, int days) {
		IssuedToken issued = this.tokens.issueFor(Actor.operator(), owner.id(),
				new NewToken(name, null, days, null, null, null));
		SecretCanary.issued(issued.secret().reveal());
		return issued;
	}

	private static MimeMessage awaitOneMessage() {
		await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length > 0);
		List<MimeMessage> messages = Arrays.asList(smtp.getReceivedMessages());
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private void awaitNoIncompletePublications() {
		await().atMost(Duration.ofSeconds(20)).until(() -> incompletePublications() == 0);
	}

	private long incompletePublications() {
		return this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}

	private long failed() {
		return this.jdbc.sql("select count(*) from event_publication where status = 'FAILED'")
			.query(Long.class)
			.single();
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
