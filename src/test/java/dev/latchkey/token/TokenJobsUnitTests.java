package dev.latchkey.token;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class TokenJobsUnitTests {

	@Test
	void theJobsRunAtTheIntervalsOfTheSettings() {
		// given
		TokenSettings settings = new TokenSettings("lkp_", Duration.ofSeconds(7), Duration.ofSeconds(42),
				Duration.ofHours(1), Duration.ofMinutes(13), Duration.ofMinutes(3));
		TokenJobs jobs = new TokenJobs(mock(LastUsedTracker.class), mock(TokenExpiry.class), mock(TokenUsage.class),
				mock(UnusedTokenSweep.class), mock(ExpiryReminders.class), settings);
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

		// when
		jobs.configureTasks(registrar);

		// then
		assertThat(registrar.getFixedDelayTaskList()).extracting(IntervalTask::getIntervalDuration)
			.containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(42), Duration.ofHours(1), Duration.ofMinutes(13),
					Duration.ofMinutes(3));
		assertThat(registrar.getFixedDelayTaskList().get(1).getInitialDelayDuration())
			.isEqualTo(TokenJobs.EXPIRY_FIRST_DELAY);
	}

}
