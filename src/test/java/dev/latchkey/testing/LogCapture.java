package dev.latchkey.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * What the application logs while a test runs, and only that: an appender on the root
 * logger from {@link #start()} until {@link #close()}. Unlike the shared log file, it
 * cannot contain lines of an earlier run or of another test class.
 */
public final class LogCapture implements AutoCloseable {

	private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			LogCapture.this.events.add(event);
		}

	};

	private LogCapture() {
		this.appender.setName("log-capture-" + System.identityHashCode(this));
		this.appender.setContext(this.root.getLoggerContext());
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	public static LogCapture start() {
		return new LogCapture();
	}

	/** Every line logged, at any level, with the message formatted. */
	public List<String> lines() {
		return this.events.stream().map(LogCapture::line).toList();
	}

	/** Lines logged at ERROR: an exception no handler expected. */
	public List<String> errors() {
		return this.events.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(Level.ERROR))
			.map(LogCapture::line)
			.toList();
	}

	/** Lines logged with a stack trace, at any level. */
	public List<String> stackTraces() {
		return this.events.stream().filter((event) -> event.getThrowableProxy() != null).map(LogCapture::line).toList();
	}

	private static String line(ILoggingEvent event) {
		String thrown = (event.getThrowableProxy() != null) ? " [" + event.getThrowableProxy().getClassName() + "]"
				: "";
		return event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage() + thrown;
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
	}

}
