package dev.latchkey.webhook;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The module's jobs: sending due deliveries every {@code latchkey.webhooks.send-interval}
 * and forgetting old ones hourly; only while {@code latchkey.scheduling.enabled} is on.
 * The condition is stated here too, not left to {@code @EnableScheduling} being absent: a
 * library on the class path turns scheduled processing on regardless (the start-up log
 * then says "No TaskScheduler/ScheduledExecutorService bean found"), and a second sender
 * in tests would race the one the test drives.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "latchkey.scheduling.enabled", matchIfMissing = true)
class WebhookJobs implements SchedulingConfigurer {

	private final WebhookSender sender;

	private final WebhookSettings settings;

	WebhookJobs(WebhookSender sender, WebhookSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.sender::sendDue, this.settings.sendInterval());
		registrar.addFixedDelayTask(this.sender::forgetOld, Duration.ofHours(1));
	}

}
