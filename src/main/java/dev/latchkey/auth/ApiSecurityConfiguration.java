package dev.latchkey.auth;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * One filter chain per surface: {@code /api/**} is stateless and authenticated by tokens
 * only (no cookies, so no CSRF exposure); the console has its own session-based chain at
 * order 2 (module {@code console}); the rest serves health and the OpenAPI document and
 * refuses everything else, other actuator endpoints included: those are on the management
 * port (module {@code system}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurityConfiguration {

	static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

	/** For answers of the API: nothing in them is meant to run or be framed. */
	static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/** The public pages include Swagger UI, which needs its own scripts and styles. */
	static final String PUBLIC_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'";

	/**
	 * No observations of Spring Security's own (a timer around every filter of every
	 * chain, on every request): on the hot paths they cost more than the request they
	 * measure (docs/performance.md). {@code http.server.requests} still times every
	 * request.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * First of all, and only on the endpoints it serves: what a lean path takes, it
	 * answers; everything else goes on to the filters below (docs/performance.md).
	 */
	@Bean
	FilterRegistrationBean<LeanPathFilter> leanPathFilter(List<LeanPath> paths, AuthSettings settings,
			MeterRegistry meters) {
		FilterRegistrationBean<LeanPathFilter> registration = new FilterRegistrationBean<>(
				new LeanPathFilter(paths, settings.maxRequestBytes(), new ServerRequestTimers(meters)));
		registration.addUrlPatterns(LeanPathFilter.urlPatterns(paths));
		registration.setOrder(LeanPathFilter.ORDER);
		return registration;
	}

	/** Forward auth straight to its controller. */
	@Bean
	ForwardAuthLeanPath forwardAuthLeanPath(ForwardAuthController controller) {
		return new ForwardAuthLeanPath(controller);
	}

	/**
	 * Before anything else reads the body: a body over the limit is refused. Metrics
	 * (Spring Boot's filter, at the same order) may or may not count the refusal.
	 */
	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(AuthSettings settings) {
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeFilter(settings.maxRequestBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/** Ahead of Spring Security, whose debug log would print the query string. */
	@Bean
	FilterRegistrationBean<TokenInUrlFilter> tokenInUrlFilter() {
		FilterRegistrationBean<TokenInUrlFilter> registration = new FilterRegistrationBean<>(new TokenInUrlFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/** Before anything reads a credential: a request carries exactly one. */
	@Bean
	FilterRegistrationBean<SingleCredentialFilter> singleCredentialFilter() {
		FilterRegistrationBean<SingleCredentialFilter> registration = new FilterRegistrationBean<>(
				new SingleCredentialFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, TokenGate gate) throws Exception {
		AuthenticationManager tokens = new ProviderManager(new TokenAuthenticationProvider(gate));
		ApiChallenges challenges = new ApiChallenges();
		// RFC 9728 metadata, which every challenge of the API points to
		// (resource_metadata).
		http.securityMatcher("/api/**", PROTECTED_RESOURCE_METADATA)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/v1/leaks")
				.permitAll()
				.requestMatchers(HttpMethod.GET, PROTECTED_RESOURCE_METADATA)
				.permitAll()
				// Any valid token may ask who it is, whatever its scopes.
				.requestMatchers("/api/v1/me")
				.authenticated()
				.anyRequest()
				.access(new ApiScopeAuthorization()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(challenges).accessDeniedHandler(challenges))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(new ApiTokenResolver())
				.authenticationEntryPoint(challenges)
				.accessDeniedHandler(challenges)
				.opaqueToken((opaque) -> opaque.authenticationManager(tokens))
				// Say what is true of Latchkey's tokens: not bound to a client
				// certificate.
				.protectedResourceMetadata((metadata) -> metadata
					.protectedResourceMetadataCustomizer((resource) -> resource.resourceName("Latchkey API")
						.tlsClientCertificateBoundAccessTokens(false))));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain publicFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/healthz",
					"/livez", "/readyz", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
					"/swagger-ui/**", "/error", "/oauth2/introspect", "/oauth2/revoke", "/auth/verify",
					"/auth/verify/**")
			.permitAll()
			.anyRequest()
			.denyAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(PUBLIC_CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

}
