package dev.latchkey.auth;

import org.springframework.context.ApplicationContext;

/**
 * For tests of other modules: writes the aggregated refusals to the audit trail now
 * instead of at the next interval.
 */
public final class RefusalAudits {

	private RefusalAudits() {
	}

	public static void flush(ApplicationContext context) {
		context.getBean(RefusedAuthentications.class).flush();
	}

}
