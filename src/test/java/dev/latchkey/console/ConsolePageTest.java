package dev.latchkey.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationPolicies;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.testing.ApiSliceTest;
import dev.latchkey.token.SignOutOutlook;
import dev.latchkey.token.ScopeManagement;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A web slice of one console controller behind the console's real filter chain
 * ({@link ConsoleSecurityConfiguration}): sign-in redirects, the admin-only pages, the
 * forbidden page and CSRF apply as in the application. What the chain needs (users,
 * sign-in outcomes, the throttle) and the use cases the console's advice asks for the
 * header are mocks; the clock stands still at {@link ApiSliceTest#NOW}. Sessions live in
 * memory here, not in the database: sharing them is tested in
 * ConsoleMultiInstanceIntegrationTests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({ ConsoleSecurityConfiguration.class, ConsolePageTest.WebSecurity.class, ApiSliceTest.FixedClock.class })
@MockitoBean(types = { UserManagement.class, LoginOutcomes.class, SignOut.class, LoginThrottle.class,
		OrganisationManagement.class, TokenManagement.class, ScopeManagement.class })
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

		/**
		 * The user's session, with the use cases the chain and the page header ask
		 * stubbed to answer for them as the application would.
		 */
		static RequestPostProcessor signedIn(User user) {
			return (request) -> {
				WebApplicationContext context = WebApplicationContextUtils
					.getRequiredWebApplicationContext(request.getServletContext());
				given(context.getBean(UserManagement.class).signedIn(user.username()))
					.willReturn(Optional.of(user).filter(User::isActive));
				given(context.getBean(OrganisationManagement.class).own(any()))
					.willReturn(Optional.of(organisationOf(user)));
				given(context.getBean(TokenManagement.class).signOutOutlook(any()))
					.willReturn(new SignOutOutlook(true, 0));
				return user(user.username()).roles(user.role().name()).postProcessRequest(request);
			};
		}

		static Organisation organisationOf(User user) {
			return new Organisation(user.organisationId(), "acme", 10, OrganisationPolicies.DEFAULTS, user.createdAt());
		}

	}

}
