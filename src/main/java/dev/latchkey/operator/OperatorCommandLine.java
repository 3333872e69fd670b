package dev.latchkey.operator;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

import picocli.CommandLine;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one operator command ({@code java -jar latchkey.jar operator ...}) against the
 * configured database, without starting the web server, and returns its exit code.
 */
public final class OperatorCommandLine {

	private OperatorCommandLine() {
	}

	public static int run(Class<?> application, String[] args) {
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setBannerMode(Banner.Mode.OFF);
		spring.setLogStartupInfo(false);
		spring.setDefaultProperties(Map.of("logging.level.root", "WARN", "logging.level.org.flywaydb", "ERROR",
				"latchkey.scheduling.enabled", "false"));
		// Standard output carries the secret a command prints and nothing else, so that
		// TOKEN=$(latchkey operator issue-token ...) works: every log line (a warning at
		// start, say) and any other print go to standard error.
		PrintStream stdout = System.out;
		System.setOut(System.err);
		try (ConfigurableApplicationContext context = spring.run()) {
			CommandLine commandLine = new CommandLine(OperatorCommands.class, new SpringFactory(context));
			commandLine.setOut(new PrintWriter(stdout, true));
			commandLine.setErr(new PrintWriter(System.err, true));
			return commandLine.execute(args);
		}
		finally {
			System.setOut(stdout);
		}
	}

	/** Lets picocli build commands with their Spring-managed collaborators. */
	private record SpringFactory(ConfigurableApplicationContext context) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			try {
				return this.context.getAutowireCapableBeanFactory().createBean(type);
			}
			catch (RuntimeException ex) {
				return CommandLine.defaultFactory().create(type);
			}
		}

	}

}
