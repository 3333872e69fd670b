package dev.latchkey.console;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The console's cleanup jobs, at the interval {@link ConsoleSettings} bounds. Spring
 * calls this only while scheduling is on ({@code latchkey.scheduling.enabled}). Sessions
 * exist only in the web server, so their cleanup is registered only there.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleJobs implements SchedulingConfigurer {

	/** Lets the application finish starting before the first cleanup. */
	static final Duration FIRST_DELAY = Duration.ofSeconds(10);

	private final LoginThrottle throttle;

	private final ObjectProvider<ExpiredSessions> sessions;

	private final ConsoleSettings settings;

	ConsoleJobs(LoginThrottle throttle, ObjectProvider<ExpiredSessions> sessions, ConsoleSettings settings) {
		this.throttle = throttle;
		this.sessions = sessions;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(
				new FixedDelayTask(this.throttle::forgetOldFailures, this.settings.cleanupInterval(), FIRST_DELAY));
		this.sessions.ifAvailable((expired) -> registrar
			.addFixedDelayTask(new FixedDelayTask(expired::remove, this.settings.cleanupInterval(), FIRST_DELAY)));
	}

}
