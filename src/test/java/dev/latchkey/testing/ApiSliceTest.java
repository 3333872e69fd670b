package dev.latchkey.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A web slice of one API controller: its use cases are {@code @MockitoBean}s and the
 * clock stands still at {@link #NOW}. The API's filter chain is bypassed on purpose: a
 * slice tests how the controller maps outcomes to HTTP, for the principal the test puts
 * on the request ({@link SliceRequests#as}); who gets that far (tokens, the refusal
 * limit, one credential per request) is the chain's work and is tested over real HTTP by
 * the *IntegrationTests. Spring Boot 4 keeps its security slice support in
 * spring-boot-security-test, which the build does not use; the bypass chain here is what
 * resolves {@code @AuthenticationPrincipal}. The console's advice and filters belong to
 * another surface and stay out of the slice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.latchkey\\.console\\..*"))
@Import({ ApiSliceTest.FixedClock.class, ApiSliceTest.BypassedSecurity.class })
public @interface ApiSliceTest {

	/** The instant the slice's clock shows. */
	String NOW = "2026-11-28T10:00:00Z";

	/** The controller under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

	@TestConfiguration(proxyBeanMethods = false)
	class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebSecurity
	class BypassedSecurity {

		@Bean
		SecurityFilterChain bypassedChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf(AbstractHttpConfigurer::disable)
				.build();
		}

	}

}
