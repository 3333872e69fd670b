package dev.latchkey.client.web;

import dev.latchkey.auth.LeanPathFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Introspection straight to its endpoint (docs/performance.md). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class IntrospectionConfiguration {

	@Bean
	FilterRegistrationBean<IntrospectionLeanPath> introspectionLeanPath(OAuthEndpoints endpoints) {
		FilterRegistrationBean<IntrospectionLeanPath> registration = new FilterRegistrationBean<>(
				new IntrospectionLeanPath(endpoints));
		registration.addUrlPatterns("/oauth2/introspect");
		registration.setOrder(LeanPathFilter.ORDER);
		return registration;
	}

}
