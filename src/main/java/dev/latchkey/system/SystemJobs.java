package dev.latchkey.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The shared kernel's background job, at the interval {@link RateLimitSettings} bounds.
 * Spring calls this only while scheduling is on ({@code latchkey.scheduling.enabled}).
 */
@Configuration(proxyBeanMethods = false)
class SystemJobs implements SchedulingConfigurer {

	private final RateLimits rateLimits;

	private final RateLimitSettings settings;

	SystemJobs(RateLimits rateLimits, RateLimitSettings settings) {
		this.rateLimits = rateLimits;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.rateLimits::synchronise, this.settings.syncInterval());
	}

}
