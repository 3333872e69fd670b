package dev.latchkey.token;

import org.springframework.context.ApplicationContext;

/**
 * For tests of other modules: runs the expiry reminder job now instead of at its next
 * interval.
 */
public final class Reminders {

	private Reminders() {
	}

	/**
	 * @return how many reminders this run announced
	 */
	public static int announceDue(ApplicationContext context) {
		return context.getBean(ExpiryReminders.class).announceDue();
	}

}
