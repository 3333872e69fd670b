package dev.latchkey.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The module's background job, at the interval its settings record bounds. Spring calls
 * this only while scheduling is on ({@code latchkey.scheduling.enabled}).
 */
@Configuration(proxyBeanMethods = false)
class AuthJobs implements SchedulingConfigurer {

	private final RefusedAuthentications refusals;

	private final RefusalAuditSettings settings;

	AuthJobs(RefusedAuthentications refusals, RefusalAuditSettings settings) {
		this.refusals = refusals;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.refusals::flush, this.settings.refusalFlushInterval());
	}

}
