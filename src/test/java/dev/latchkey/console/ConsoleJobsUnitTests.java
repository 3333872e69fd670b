package dev.latchkey.console;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.Mockito.mock;

class ConsoleJobsUnitTests {

	private final ConsoleSettings settings = new ConsoleSettings(Duration.ofSeconds(90));

	@Test
	void theWebServerCleansUpSessionsAndSignInFailuresAtTheIntervalOfTheSettings() {
		// given
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("expiredSessions", mock(ExpiredSessions.class));
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

		// when
		new ConsoleJobs(mock(LoginThrottle.class), beans.getBeanProvider(ExpiredSessions.class), this.settings)
			.configureTasks(registrar);

		// then
		assertThat(registrar.getFixedDelayTaskList()).extracting(IntervalTask::getIntervalDuration)
			.containsExactly(Duration.ofSeconds(90), Duration.ofSeconds(90));
	}

	@Test
	void withoutSessionsOnlySignInFailuresAreCleanedUp() {
		// given
		StaticListableBeanFactory noBeans = new StaticListableBeanFactory();
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

		// when
		new ConsoleJobs(mock(LoginThrottle.class), noBeans.getBeanProvider(ExpiredSessions.class), this.settings)
			.configureTasks(registrar);

		// then
		assertThat(registrar.getFixedDelayTaskList()).hasSize(1);
	}

	@Test
	void theCleanupRunsEverySecondToEveryDay() {
		// when / then
		assertThatNoException().isThrownBy(() -> new ConsoleSettings(Duration.ofSeconds(1)));
		assertThatNoException().isThrownBy(() -> new ConsoleSettings(Duration.ofDays(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ConsoleSettings(Duration.ofMillis(999)))
			.withMessageContaining("latchkey.console.cleanup-interval");
		assertThatIllegalArgumentException().isThrownBy(() -> new ConsoleSettings(Duration.ofDays(1).plusMillis(1)))
			.withMessageContaining("latchkey.console.cleanup-interval");
	}

}
