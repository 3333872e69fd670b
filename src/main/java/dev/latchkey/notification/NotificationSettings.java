package dev.latchkey.notification;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code latchkey.notification.*}), checked once at start. Where
 * the SMTP server is, is Spring Boot's {@code spring.mail.*}.
 *
 * @param consoleUrl the console's address as its users reach it, linked from every e-mail
 * @param from the sender of the e-mails
 * @param retryInterval how often reminders whose e-mail failed (SMTP down or refusing)
 * are sent again, and how old a failure must be to be retried
 */
@ConfigurationProperties("latchkey.notification")
public record NotificationSettings(@DefaultValue("http://localhost:8080/") URI consoleUrl,
		@DefaultValue("latchkey@localhost") String from, @DefaultValue("5m") Duration retryInterval) {

	public NotificationSettings {
		String scheme = consoleUrl.getScheme();
		if (!consoleUrl.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))
				|| consoleUrl.getHost() == null) {
			throw new IllegalArgumentException(
					"latchkey.notification.console-url must be an absolute http or https address");
		}
		if (from.isBlank() || from.contains("\n") || from.contains("\r")) {
			throw new IllegalArgumentException("latchkey.notification.from must be one e-mail address");
		}
		if (retryInterval.compareTo(Duration.ofSeconds(1)) < 0 || retryInterval.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("latchkey.notification.retry-interval must be between 1s and 1d");
		}
	}

}
