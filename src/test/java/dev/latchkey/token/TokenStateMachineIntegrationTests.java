package dev.latchkey.token;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.Actor;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.Role;
import dev.latchkey.testing.TestClock;
import dev.latchkey.testing.TestDatabase;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State-machine test: seeded random walks of create, revoke, re-approve, delete, leak
 * reports, deactivate, reactivate, license changes and clock moves, run against the real
 * services and database, and after every step compared with a small model of SPEC §2:
 * each token's status and reason, whether it authenticates, and the limit.
 * <p>
 * Each run draws a fresh seed unless {@code -Dlatchkey.walk.seed} gives one; a failure
 * names its seed, so {@code -Dlatchkey.walk.seed=<seed>} replays the same walks.
 * {@code -Dlatchkey.walk.tries} sets the number of walks.
 */
@ExtendWith(TestDatabase.class)
class TokenStateMachineIntegrationTests {

	private static final long SEED = Long.getLong("latchkey.walk.seed", new SecureRandom().nextLong());

	private static final int WALKS = Integer.getInteger("latchkey.walk.tries", 80);

	private static final int MIN_STEPS = 5;

	private static final int MAX_STEPS = 60;

	private static final AtomicLong STEPS = new AtomicLong();

	private static final AtomicLong TRIES = new AtomicLong();

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(LatchkeyApplication.class, StateMachineClock.class)
			.web(WebApplicationType.NONE)
			.initializers(new TestDatabase.Initializer())
			.properties("latchkey.scheduling.enabled=false", "latchkey.admin.password=state-machine-password",
					"spring.main.allow-bean-definition-overriding=true")
			.run();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
		System.out.println("RELIABILITY state-machine [" + TestDatabase.DATABASE + "]: tries=" + TRIES.get()
				+ ", steps=" + STEPS.get() + ", seed=" + SEED);
	}

	@Test
	void theServicesBehaveLikeTheModel() {
		Random random = new Random(SEED);
		for (int walk = 0; walk < WALKS; walk++) {
			List<Step> steps = steps(random);
			TRIES.incrementAndGet();
			Run run = new Run();
			try {
				run.execute(steps);
			}
			catch (AssertionError | RuntimeException ex) {
				// no shrinking: the message carries the seed that replays the walk and
				// the steps up to the one that failed
				throw new AssertionError("walk " + (walk + 1) + " of " + WALKS + " failed at step " + run.done
						+ "; replay with -Dlatchkey.walk.seed=" + SEED + "\nsteps: " + steps.subList(0, run.done) + "\n"
						+ ex.getMessage(), ex);
			}
		}
	}

	private static List<Step> steps(Random random) {
		int count = MIN_STEPS + random.nextInt(MAX_STEPS - MIN_STEPS + 1);
		List<Step> steps = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			steps.add(new Step(Kind.values()[random.nextInt(Kind.values().length)], random.nextInt(12),
					1 + random.nextInt(40)));
		}
		return steps;
	}

	enum Kind {

		CREATE, REVOKE, REAPPROVE, DELETE, LEAK, DEACTIVATE, REACTIVATE, REMOVE_LICENSE, GRANT_LICENSE, ADVANCE_CLOCK

	}

	record Step(Kind kind, int token, int days) {

	}

	/**
	 * One try: a fresh organisation, its managing admin, and the admin whose tokens are
	 * modelled.
	 */
	static final class Run {

		private final TokenManagement tokens = context.getBean(TokenManagement.class);

		private final UserManagement users = context.getBean(UserManagement.class);

		private final TokenVerification verification = context.getBean(TokenVerification.class);

		private final TestClock clock = context.getBean(TestClock.class);

		private final Actor manager;

		private final User owner;

		private final List<ModelToken> model = new ArrayList<>();

		private final Map<TokenId, String> secrets = new HashMap<>();

		private boolean ownerActive = true;

		private boolean ownerLicensed = true;

		private int created;

		private int done;

		Run() {
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			Organisation organisation = context.getBean(OrganisationManagement.class)
				.create(Actor.operator(), "sm-" + suffix, 10);
			User admin = this.users.create(Actor.operator(), organisation.id(),
					new NewUser("sm-admin-" + suffix, "state machine password", Role.ORG_ADMIN, true, null, null));
			this.owner = this.users.create(Actor.operator(), organisation.id(),
					new NewUser("sm-owner-" + suffix, "state machine password", Role.ORG_ADMIN, true, null, null));
			this.manager = Actor.user(admin.id(), admin.username(), organisation.id(), Role.ORG_ADMIN, null);
			this.clock.reset();
		}

		void execute(List<Step> steps) {
			for (Step step : steps) {
				STEPS.incrementAndGet();
				this.done++;
				apply(step);
				check(step);
			}
		}

		private void apply(Step step) {
			ModelToken target = this.model.isEmpty() ? null : this.model.get(step.token() % this.model.size());
			Instant now = this.clock.instant();
			switch (step.kind()) {
				case CREATE -> create(now);
				case REVOKE -> {
					if (target != null) {
						this.tokens.revoke(this.manager, target.id);
						target.revoke(now, StatusReason.REVOKED_BY_ADMIN);
					}
				}
				case REAPPROVE -> {
					if (target != null) {
						reapprove(target, now);
					}
				}
				case DELETE -> {
					if (target != null) {
						this.tokens.delete(this.manager, target.id);
						this.model.remove(target);
					}
				}
				case LEAK -> {
					if (target != null) {
						this.tokens.revokeLeaked(List.of(this.secrets.get(target.id)), Actor.anonymous(null));
						target.leak(now);
					}
				}
				case DEACTIVATE -> {
					this.users.deactivate(this.manager, this.owner.id());
					if (this.ownerActive) {
						this.model.forEach((t) -> t.revoke(now, StatusReason.USER_DEACTIVATED));
					}
					this.ownerActive = false;
				}
				case REACTIVATE -> {
					this.users.reactivate(this.manager, this.owner.id());
					this.ownerActive = true;
				}
				case REMOVE_LICENSE -> {
					this.users.setLicensed(this.manager, this.owner.id(), false);
					if (this.ownerLicensed) {
						this.model.forEach((t) -> t.revoke(now, StatusReason.LICENSE_REMOVED));
					}
					this.ownerLicensed = false;
				}
				case GRANT_LICENSE -> {
					this.users.setLicensed(this.manager, this.owner.id(), true);
					this.ownerLicensed = true;
				}
				case ADVANCE_CLOCK -> this.clock.advance(Duration.ofDays(step.days()));
			}
		}

		private void create(Instant now) {
			long holding = this.model.stream().filter((t) -> !t.expired(now)).count();
			String expected = !this.ownerActive ? "owner-deactivated"
					: !this.ownerLicensed ? "owner-unlicensed" : (holding >= 10) ? "token-limit-reached" : null;
			try {
				IssuedToken issued = this.tokens.issueFor(Actor.operator(), this.owner.id(),
						new NewToken("t" + this.created++, null, 30, null, null, null));
				assertThat(expected).as("create should have been refused").isNull();
				this.model.add(new ModelToken(issued.view().token().id(), issued.view().token().expiresAt()));
				this.secrets.put(issued.view().token().id(), issued.secret().reveal());
			}
			catch (ProblemException ex) {
				assertThat(ex.type().slug()).isEqualTo(expected);
			}
		}

		private void reapprove(ModelToken target, Instant now) {
			String expected = target.expired(now) ? "token-expired"
					: (target.status == TokenStatus.ACTIVE) ? null : (target.reason == StatusReason.LEAKED)
							? "token-leaked"
							: !this.ownerActive ? "owner-deactivated" : !this.ownerLicensed ? "owner-unlicensed" : null;
			try {
				this.tokens.reapprove(this.manager, target.id);
				assertThat(expected).as("re-approval should have been refused").isNull();
				target.status = TokenStatus.ACTIVE;
				target.reason = null;
			}
			catch (ProblemException ex) {
				assertThat(ex.type().slug()).isEqualTo(expected);
			}
		}

		private void check(Step step) {
			Instant now = this.clock.instant();
			List<TokenView> actual = this.tokens.listOwnedBy(this.manager, this.owner.id());
			assertThat(actual).as("after " + step).hasSize(this.model.size());
			for (ModelToken expected : this.model) {
				ApiToken token = actual.stream()
					.filter((v) -> v.token().id().equals(expected.id))
					.findFirst()
					.orElseThrow()
					.token();
				assertThat(token.status(now)).as("status after " + step).isEqualTo(expected.status(now));
				assertThat(token.statusReason(now)).as("reason after " + step).isEqualTo(expected.reason(now));
				boolean authenticates = expected.status(now) == TokenStatus.ACTIVE && this.ownerActive
						&& this.ownerLicensed;
				assertThat(this.verification.verify(this.secrets.get(expected.id), null).isAccepted())
					.as("authenticates after " + step)
					.isEqualTo(authenticates);
			}
			assertThat(this.model.stream().filter((t) -> !t.expired(now)).count()).isLessThanOrEqualTo(10);
		}

	}

	/**
	 * The model of one token: SPEC §1's status and reason, with expiry read from the
	 * clock.
	 */
	static final class ModelToken {

		final TokenId id;

		final Instant expiresAt;

		TokenStatus status = TokenStatus.ACTIVE;

		StatusReason reason;

		ModelToken(TokenId id, Instant expiresAt) {
			this.id = id;
			this.expiresAt = expiresAt;
		}

		boolean expired(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

		TokenStatus status(Instant now) {
			return expired(now) ? TokenStatus.EXPIRED : this.status;
		}

		StatusReason reason(Instant now) {
			return expired(now) ? StatusReason.EXPIRED : this.reason;
		}

		void revoke(Instant now, StatusReason why) {
			if (!expired(now) && this.status == TokenStatus.ACTIVE) {
				this.status = TokenStatus.REVOKED;
				this.reason = why;
			}
		}

		void leak(Instant now) {
			if (!expired(now)) {
				this.status = TokenStatus.REVOKED;
				this.reason = StatusReason.LEAKED;
			}
		}

	}

	/** The clock the walks move. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class StateMachineClock {

		@org.springframework.context.annotation.Bean
		@org.springframework.context.annotation.Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
