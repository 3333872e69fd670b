package dev.latchkey.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.organisation.Organisations;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.token.ApiTokens;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A web slice of one console controller behind the console's real filter chain
 * ({@link ConsoleSecurityConfiguration}): sign-in redirects, the admin-only pages, the
 * forbidden page and CSRF apply as in the application. What the chain needs (users,
 * sign-in outcomes, the throttle) and what the console's advice reads for the header are
 * mocks; the clock stands still at {@link ApiSliceTest#NOW}. Sessions live in memory
 * here, not in the database: sharing them is tested in
 * ConsoleMultiInstanceIntegrationTests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({ ConsoleSecurityConfiguration.class, ConsolePageTest.WebSecurity.class, ApiSliceTest.FixedClock.class })
@MockitoBean(types = { Users.class, LoginOutcomes.class, SignOut.class, LoginThrottle.class, Organisations.class,
		ApiTokens.class })
@interface ConsolePageTest {

	/** The controller under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebSecurity
	class WebSecurity {

	}

	/**
	 * Signs a user in, as the session would hold them, and lets the chain read their row.
	 */
	final class Sessions {

		private Sessions() {
		}

		static RequestPostProcessor signedIn(User user, Users users, Organisations organisations) {
			given(users.findByUsername(user.username())).willReturn(Optional.of(user));
			given(organisations.findById(user.organisationId())).willReturn(Optional.of(organisationOf(user)));
			return user(user.username()).roles(user.role().name());
		}

		static Organisation organisationOf(User user) {
			return new Organisation(user.organisationId(), "acme", 10, OrganisationPolicies.DEFAULTS, user.createdAt());
		}

	}

}
