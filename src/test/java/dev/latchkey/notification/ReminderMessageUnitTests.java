package dev.latchkey.notification;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.UserId;
import dev.latchkey.token.TokenExpiryApproaching;
import dev.latchkey.token.TokenFacts;
import dev.latchkey.token.TokenId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderMessageUnitTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private static final URI CONSOLE = URI.create("https://keys.example.test/");

	@Test
	void theMessageNamesTheTokenItsHintItsExpiryAndTheConsole() {
		// when
		ReminderMessage message = ReminderMessage.of(event("deploy", Duration.ofDays(7).minusMinutes(1), 7), CONSOLE);

		// then
		assertThat(message.subject()).isEqualTo("Your API token “deploy” expires in 7 days");
		assertThat(message.body()).contains("“deploy”")
			.contains("(lkp_…x7Qz)")
			.contains("2026-03-08 11:59 UTC")
			.contains("https://keys.example.test/");
	}

	@Test
	void theSubjectSaysHowManyDaysAreLeftNotMoreThanTheThreshold() {
		// when / then
		assertThat(ReminderMessage.of(event("t", Duration.ofDays(3), 7), CONSOLE).subject()).endsWith("in 3 days");
		assertThat(ReminderMessage.of(event("t", Duration.ofHours(20), 1), CONSOLE).subject()).endsWith("in 1 day");
		assertThat(ReminderMessage.of(event("t", Duration.ofDays(8), 7), CONSOLE).subject()).endsWith("in 7 days");
	}

	@Test
	void aNameCannotAddLinesToTheSubject() {
		// when
		ReminderMessage message = ReminderMessage.of(event("a\r\nBcc: x@example.test", Duration.ofDays(1), 1), CONSOLE);

		// then
		assertThat(message.subject()).doesNotContain("\n").doesNotContain("\r");
	}

	private static TokenExpiryApproaching event(String name, Duration left, int threshold) {
		TokenFacts facts = new TokenFacts(new TokenId(UUID.randomUUID()), new OrganisationId(UUID.randomUUID()),
				new UserId(UUID.randomUUID()), "owner", name, "lkp_…x7Qz", NOW.plus(left));
		return new TokenExpiryApproaching(facts, NOW, threshold);
	}

}
