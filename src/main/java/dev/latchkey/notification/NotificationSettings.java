package dev.latchkey.notification;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code latchkey.notification.*}), checked once at start. Where
 * the SMTP server is, is Spring Boot's {@code spring.mail.*}.
 *
 * @param consoleUrl the console's address as its users reach it, linked from every e-mail
 * @param from the sender of the e-mails
 */
@ConfigurationProperties("latchkey.notification")
public record NotificationSettings(@DefaultValue("http://localhost:8080/") URI consoleUrl,
		@DefaultValue("latchkey@localhost") String from) {

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
	}

}
