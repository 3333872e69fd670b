package dev.latchkey.system.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The actuator on two ports (SPEC §7). The public port answers health only: Spring Boot
 * serves health groups there at one-segment paths ({@code /healthz}, {@code /livez},
 * {@code /readyz}), and the documented {@code /actuator/health} URLs forward to them.
 * Every other endpoint (info, metrics, Prometheus) is on the management server, which
 * listens on the loopback address only; its requests pass through the same security
 * filters as the public port's, so they get a chain of their own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ManagementConfiguration {

	/**
	 * A bean rather than this class implementing it: web slice tests pick up every
	 * {@code WebMvcConfigurer} class, and would then need this class's filter chain too.
	 */
	@Bean
	WebMvcConfigurer publicHealthPaths() {
		return new PublicHealthPaths();
	}

	/**
	 * Ahead of every other chain, and only for requests that reached the management
	 * server: its address, not a credential, is what keeps the world out. Should
	 * management ever share the public port, this chain matches nothing there and the
	 * public chain refuses everything but health.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(ManagementConfiguration::onManagementServer)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.toAnyEndpoint())
				.permitAll()
				.anyRequest()
				.denyAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable);
		return http.build();
	}

	private static boolean onManagementServer(HttpServletRequest request) {
		return WebServerApplicationContext.hasServerNamespace(
				WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()),
				WebServerNamespace.MANAGEMENT.getValue());
	}

	/**
	 * Only effective on the public port: on a management server on the same port the
	 * actuator's own mapping of these paths comes first.
	 */
	static final class PublicHealthPaths implements WebMvcConfigurer {

		@Override
		public void addViewControllers(ViewControllerRegistry registry) {
			registry.addViewController("/actuator/health").setViewName("forward:/healthz");
			registry.addViewController("/actuator/health/liveness").setViewName("forward:/livez");
			registry.addViewController("/actuator/health/readiness").setViewName("forward:/readyz");
		}

	}

}
