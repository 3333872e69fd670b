package dev.latchkey.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's beans that need the settings to be built.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	/** The SSRF guard as the installation configured it, asking the system's DNS. */
	@Bean
	Destinations webhookDestinations(WebhookSettings settings) {
		return new Destinations(settings.allowInsecureDestinations(), Destinations.DNS);
	}

}
