package dev.latchkey.client.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Introspection straight to its endpoint (docs/performance.md). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class IntrospectionConfiguration {

	@Bean
	IntrospectionLeanPath introspectionLeanPath(OAuthEndpoints endpoints) {
		return new IntrospectionLeanPath(endpoints);
	}

}
