package dev.latchkey.auth;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.Mockito.mock;

class RefusalAuditSettingsUnitTests {

	@Test
	void refusalsAreFlushedEvery100MillisecondsToOneHour() {
		// when / then
		assertThatNoException().isThrownBy(() -> new RefusalAuditSettings(Duration.ofMillis(100)));
		assertThatNoException().isThrownBy(() -> new RefusalAuditSettings(Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RefusalAuditSettings(Duration.ofMillis(99)))
			.withMessageContaining("latchkey.audit.refusal-flush-interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RefusalAuditSettings(Duration.ofHours(1).plusMillis(1)))
			.withMessageContaining("latchkey.audit.refusal-flush-interval");
	}

	@Test
	void theFlushRunsAtTheIntervalOfTheSettings() {
		// given
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

		// when
		new AuthJobs(mock(RefusedAuthentications.class), new RefusalAuditSettings(Duration.ofSeconds(15)))
			.configureTasks(registrar);

		// then
		assertThat(registrar.getFixedDelayTaskList()).extracting(IntervalTask::getIntervalDuration)
			.containsExactly(Duration.ofSeconds(15));
	}

}
