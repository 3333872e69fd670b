package dev.latchkey.operator;

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
		try (ConfigurableApplicationContext context = spring.run()) {
			CommandLine commandLine = new CommandLine(OperatorCommands.class, new SpringFactory(context));
			commandLine.setOut(new PrintWriter(System.out, true));
			commandLine.setErr(new PrintWriter(System.err, true));
			return commandLine.execute(args);
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
