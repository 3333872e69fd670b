package dev.latchkey.notification;

import dev.latchkey.token.TokenExpiryApproaching;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the expiry reminder e-mail to the token's owner (SPEC §9), after the reminder's
 * claim committed, in its own thread and transaction. E-mail is on only when
 * {@code spring.mail.host} is set (Spring Boot then provides the {@link JavaMailSender});
 * otherwise the start-up log says so once. An owner without an address is skipped. When
 * the SMTP server refuses or cannot be reached, the listener fails and its publication
 * stays incomplete, to be sent again (see docs/operations.md).
 */
@Component
class ExpiryReminderMails {

	private static final Logger logger = LoggerFactory.getLogger(ExpiryReminderMails.class);

	private final @Nullable JavaMailSender mail;

	private final Users users;

	private final NotificationSettings settings;

	ExpiryReminderMails(ObjectProvider<JavaMailSender> mail, Users users, NotificationSettings settings) {
		this.mail = mail.getIfAvailable();
		this.users = users;
		this.settings = settings;
		if (this.mail == null) {
			logger.info("Expiry reminder e-mails are off: spring.mail.host is not set (see docs/operations.md)");
		}
	}

	@ApplicationModuleListener
	void on(TokenExpiryApproaching event) {
		JavaMailSender sender = this.mail;
		if (sender == null) {
			return;
		}
		String address = this.users.findById(event.token().ownerId()).map(User::email).orElse(null);
		if (address == null || address.isBlank()) {
			return;
		}
		ReminderMessage reminder = ReminderMessage.of(event, this.settings.consoleUrl());
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.settings.from());
		message.setTo(address);
		message.setSubject(reminder.subject());
		message.setText(reminder.body());
		sender.send(message);
	}

}
