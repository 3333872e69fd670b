package dev.latchkey.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.latchkey.token.TokenExpiryApproaching;
import dev.latchkey.token.TokenFacts;

/**
 * The plain-text e-mail that reminds an owner of their token's expiry. It names the
 * token, its hint and when it expires (UTC), and links to the console; it never holds the
 * secret, which Latchkey does not keep.
 *
 * @param subject the subject line
 * @param body the text
 */
record ReminderMessage(String subject, String body) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	static ReminderMessage of(TokenExpiryApproaching event, URI console) {
		TokenFacts token = event.token();
		String left = timeLeft(event);
		String subject = "Your API token “" + oneLine(token.name()) + "” expires " + left;
		String body = """
				Hello %s,

				your API token “%s” (%s) expires %s, on %s.

				When it expires, requests that present it are refused. To keep going, rotate it
				(a new secret, the same token) or create a new one in the console:

				%s

				You receive this because you own the token. Your organisation's administrators
				choose when reminders are sent.
				""".formatted(token.ownerUsername(), token.name(), token.hint(), left, WHEN.format(token.expiresAt()),
				console);
		return new ReminderMessage(subject, body);
	}

	/**
	 * How long is left, in whole days rounded up but never more than the threshold that
	 * fired (the job runs at intervals, so a little less than the threshold is usual).
	 */
	private static String timeLeft(TokenExpiryApproaching event) {
		Duration left = Duration.between(event.occurredAt(), event.token().expiresAt());
		long days = Math.min(event.thresholdDays(), (left.toHours() + 23) / 24);
		if (days <= 0) {
			return "within the hour";
		}
		return (days == 1) ? "in 1 day" : "in " + days + " days";
	}

	/** A subject is one line: a name cannot smuggle in headers. */
	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t]+", " ");
	}

}
