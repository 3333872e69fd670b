package dev.latchkey.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, over real HTTP, on the database chosen by
 * {@link TestDatabase}. Tests isolate themselves by creating their own organisation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(TestDatabase.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.admin.password=first-start-password", "latchkey.scheduling.enabled=false",
				// many tests present bad tokens from one address;
				// HardeningIntegrationTests checks the limit
				"latchkey.auth.refusals-per-window=1000000",
				// likewise leak reports; LeakRateLimitIntegrationTests checks that limit
				"latchkey.leaks.reports-per-window=1000000",
				// webhook tests receive on 127.0.0.1 over http; the SSRF guard's refusals
				// are
				// tested with the setting off in WebhookIntegrationTests and its unit
				// tests
				"latchkey.webhooks.allow-insecure-destinations=true" })
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import({ IntegrationTestConfiguration.class, Fixtures.class })
@ExtendWith(ClockReset.class)
public @interface IntegrationTest {

}
