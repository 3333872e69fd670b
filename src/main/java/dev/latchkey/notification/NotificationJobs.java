package dev.latchkey.notification;

import dev.latchkey.token.TokenExpiryApproaching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sends again the reminders whose e-mail failed (the SMTP server was down or refused),
 * every {@code latchkey.notification.retry-interval}, once the failure is that old.
 * Spring Modulith marks a resubmitted publication before handing it out, so two instances
 * do not both take it. Incomplete publications are also resubmitted at start-up. Spring
 * calls this only while scheduling is on ({@code latchkey.scheduling.enabled}).
 */
@Configuration(proxyBeanMethods = false)
class NotificationJobs implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(NotificationJobs.class);

	private final FailedEventPublications failed;

	private final NotificationSettings settings;

	NotificationJobs(FailedEventPublications failed, NotificationSettings settings) {
		this.failed = failed;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::retryFailedReminders, this.settings.retryInterval());
	}

	void retryFailedReminders() {
		try {
			this.failed.resubmit(ResubmissionOptions.defaults()
				.withMinAge(this.settings.retryInterval())
				.withFilter((publication) -> publication.getEvent() instanceof TokenExpiryApproaching));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not retry failed reminder e-mails, will try again: {}", ex.getMessage());
		}
	}

}
