package dev.latchkey.console;

import dev.latchkey.user.UserManagement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's filter chain, between the API's ({@code /api/**}, order 1) and the public
 * one (health, OpenAPI; order 3). Sessions live in the shared database (Spring Session
 * JDBC), so every instance knows them. Form login with a new session id at sign-in, CSRF
 * on every state change (sign-out included), a Content-Security-Policy that allows no
 * inline script or style, and a per-request check of the signed-in user's current row.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleSecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The stylesheet, script and icon: public, and served without a session, so that
	 * asking for them never reads or creates one (ConsoleAssets sets their caching).
	 */
	private static final String[] ASSETS = { "/css/**", "/js/**", "/favicon.svg", "/favicon-*.svg" };

	@Bean
	@Order(0)
	SecurityFilterChain consoleAssetsFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(ASSETS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.securityContext(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.headers((headers) -> headers.cacheControl(HeadersConfigurer.CacheControlConfig::disable)
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleFilterChain(HttpSecurity http, UserManagement users, LoginOutcomes outcomes,
			SignOut signOut, LoginThrottle throttle) throws Exception {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		forbidden.setErrorPage("/forbidden");
		http.securityMatcher("/", "/login", "/logout", "/forbidden", "/admin", "/admin/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/login", "/forbidden")
				.permitAll()
				.requestMatchers("/admin", "/admin/**")
				.hasRole("ORG_ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("username")
				.passwordParameter("password")
				.successHandler(outcomes)
				.failureHandler(outcomes)
				.permitAll())
			// invalidating the session deletes its row, so it ends on every instance, and
			// Spring Session expires its cookie
			.logout((logout) -> logout.logoutUrl("/logout").addLogoutHandler(signOut).logoutSuccessUrl("/login?logout"))
			.requestCache((cache) -> cache.requestCache(LoginOutcomes.RETURN_PATH))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(forbidden))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.httpBasic(AbstractHttpConfigurer::disable)
			.addFilterAfter(new CurrentUserFilter(users), SecurityContextHolderFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

}
