package dev.latchkey.token;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The module's background jobs, at the intervals {@link TokenSettings} bounds. Spring
 * calls this only while scheduling is on ({@code latchkey.scheduling.enabled}).
 */
@Configuration(proxyBeanMethods = false)
class TokenJobs implements SchedulingConfigurer {

	/** Lets the application finish starting before the first sweep over all tokens. */
	static final Duration EXPIRY_FIRST_DELAY = Duration.ofSeconds(5);

	private final LastUsedTracker lastUsed;

	private final TokenExpiry expiry;

	private final TokenUsage usage;

	private final UnusedTokenSweep unused;

	private final ExpiryReminders reminders;

	private final TokenSettings settings;

	TokenJobs(LastUsedTracker lastUsed, TokenExpiry expiry, TokenUsage usage, UnusedTokenSweep unused,
			ExpiryReminders reminders, TokenSettings settings) {
		this.lastUsed = lastUsed;
		this.unused = unused;
		this.reminders = reminders;
		this.usage = usage;
		this.expiry = expiry;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.lastUsed::flush, this.settings.lastUsedFlushInterval());
		registrar.addFixedDelayTask(
				new FixedDelayTask(this.expiry::expireDue, this.settings.expiryCheckInterval(), EXPIRY_FIRST_DELAY));
		registrar.addFixedDelayTask(this.usage::forgetOld, Duration.ofHours(1));
		registrar.addFixedDelayTask(
				new FixedDelayTask(this.unused::revokeDue, this.settings.unusedCheckInterval(), EXPIRY_FIRST_DELAY));
		registrar.addFixedDelayTask(new FixedDelayTask(this.reminders::remindDue, this.settings.reminderCheckInterval(),
				EXPIRY_FIRST_DELAY));
	}

}
