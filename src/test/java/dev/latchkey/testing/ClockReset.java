package dev.latchkey.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts the test clock back after each test, so a test that moved time does not move it
 * for the next.
 */
final class ClockReset implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context).getBean(TestClock.class).reset();
	}

}
