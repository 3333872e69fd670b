package dev.latchkey.token;

import org.springframework.context.ApplicationContext;

/**
 * For tests of other modules: writes the last uses kept in memory to the database now
 * instead of at the next interval.
 */
public final class LastUses {

	private LastUses() {
	}

	public static void flush(ApplicationContext context) {
		context.getBean(LastUsedTracker.class).flush();
	}

}
