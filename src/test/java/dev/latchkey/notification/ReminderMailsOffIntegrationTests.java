package dev.latchkey.notification;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §9: without {@code spring.mail.host} the application starts, and says once that
 * reminder e-mails are off. The log is captured from the moment the application's logging
 * is set up (a start may set it up afresh, which would drop an earlier capture).
 */
class ReminderMailsOffIntegrationTests {

	@Test
	void withoutAMailHostTheApplicationStartsAndSaysOnceThatRemindersAreOff(@TempDir Path directory) {
		// given
		String url = "jdbc:h2:file:" + directory.resolve("latchkey") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
		AtomicReference<LogCapture> capture = new AtomicReference<>();
		ApplicationListener<ApplicationEvent> captureOnceLoggingIsSetUp = (event) -> {
			if (event instanceof ApplicationContextInitializedEvent) {
				capture.set(LogCapture.start());
			}
		};

		// when
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LatchkeyApplication.class)
			.listeners(captureOnceLoggingIsSetUp)
			.run("--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + url,
					"--latchkey.admin.password=mail-off-password", "--latchkey.scheduling.enabled=false");
				LogCapture log = capture.get()) {

			// then
			assertThat(app.isRunning()).isTrue();
			assertThat(log.lines()).filteredOn((line) -> line.contains("reminder e-mails are off"))
				.singleElement()
				.satisfies((line) -> assertThat(line).startsWith("INFO ").contains("spring.mail.host is not set"));
		}
	}

}
