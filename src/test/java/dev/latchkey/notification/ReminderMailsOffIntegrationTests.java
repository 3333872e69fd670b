package dev.latchkey.notification;

import java.nio.file.Path;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.testing.LogCapture;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §9: without {@code spring.mail.host} the application starts, and says once that
 * reminder e-mails are off. (An integration test only so that logging is set up before
 * the capture starts: a first start in the JVM would reset it.)
 */
class ReminderMailsOffIntegrationTests extends TenantIntegrationTests {

	@Test
	void withoutAMailHostTheApplicationStartsAndSaysOnceThatRemindersAreOff(@TempDir Path directory) {
		// given
		String url = "jdbc:h2:file:" + directory.resolve("latchkey") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";

		// when
		boolean running;
		try (LogCapture log = LogCapture.start();
				ConfigurableApplicationContext app = new SpringApplicationBuilder(LatchkeyApplication.class).run(
						"--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + url,
						"--latchkey.admin.password=mail-off-password", "--latchkey.scheduling.enabled=false")) {
			running = app.isRunning();

			// then
			assertThat(log.lines()).filteredOn((line) -> line.contains("reminder e-mails are off"))
				.singleElement()
				.satisfies((line) -> assertThat(line).startsWith("INFO ").contains("spring.mail.host is not set"));
		}
		assertThat(running).isTrue();
	}

}
