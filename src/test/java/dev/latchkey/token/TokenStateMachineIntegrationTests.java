package dev.latchkey.token;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.Actor;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.Role;
import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
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
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State-machine test: seeded random walks of create, revoke, re-approve, delete, leak
 * reports, deactivate, reactivate, license changes and clock moves, and of SPEC §8's
 * narrowing, attempted widening and allowlist changes ({@code PATCH} over HTTP), run
 * against the real services, database and web server, and after every step compared with
 * a small model of SPEC §2 and §8: each token's status and reason, scopes and allowlist,
 * whether it authenticates from an allowed and from a disallowed address, and the limit.
 * A request step presents a token over HTTP from one of several addresses (through
 * {@code X-Forwarded-For} from the trusted loopback proxy) to a door needing a scope, and
 * the model predicts the answer: 401, 403, or success.
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

	private static Api api;

	/** What a token may be created with, or narrowed or widened to. */
	static final List<Set<String>> SCOPE_SETS = List.of(Set.of("api"), Set.of("read_api"), Set.of("deploy"),
			Set.of("read_api", "deploy"), Set.of("api", "deploy"));

	/** Allowlists a token may have; each entry written as the API writes it back. */
	static final List<List<String>> ALLOWLISTS = List.of(List.of(), List.of("198.51.100.0/24"),
			List.of("2001:db8::/32", "203.0.113.7"), List.of("198.51.100.0/24", "2001:db8::/32"));

	/**
	 * The addresses requests come from, and the allowlist entries that admit each: the
	 * model's own statement of SPEC §8, not the code's.
	 */
	static final Map<String, Set<String>> CLIENTS = Map.of("198.51.100.9", Set.of("198.51.100.0/24"),
			"::ffff:198.51.100.20", Set.of("198.51.100.0/24"), "2001:db8::5", Set.of("2001:db8::/32"), "203.0.113.7",
			Set.of("203.0.113.7"), "192.0.2.1", Set.of());

	static final List<String> CLIENT_ORDER = List.of("198.51.100.9", "::ffff:198.51.100.20", "2001:db8::5",
			"203.0.113.7", "192.0.2.1");

	/** An address no allowlist of the walks admits. */
	static final String NOWHERE = "192.0.2.1";

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(LatchkeyApplication.class, StateMachineClock.class)
			.web(WebApplicationType.SERVLET)
			.initializers(new TestDatabase.Initializer())
			.properties("latchkey.scheduling.enabled=false", "latchkey.admin.password=state-machine-password",
					"spring.main.allow-bean-definition-overriding=true")
			// arguments, not default properties: application.yml's values would win over
			// those
			.run("--server.port=0", "--management.server.port=0",
					// loopback is the trusted proxy, so a walk can present a token from
					// any address
					"--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
					// the walks present refused tokens on purpose, many times
					"--latchkey.auth.refusals-per-window=1000000");
		api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
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
					1 + random.nextInt(40), random.nextInt(1 << 16)));
		}
		return steps;
	}

	enum Kind {

		CREATE, REVOKE, REAPPROVE, DELETE, LEAK, DEACTIVATE, REACTIVATE, REMOVE_LICENSE, GRANT_LICENSE, ADVANCE_CLOCK,
		NARROW, WIDEN, SET_ALLOWLIST, REQUEST, REQUEST_FROM_ELSEWHERE

	}

	/**
	 * One step; {@code pick} chooses among scope sets, allowlists, addresses and doors.
	 */
	record Step(Kind kind, int token, int days, int pick) {

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

		private final User admin;

		private final String organisationName;

		private String managerToken;

		private Instant managerTokenExpires = Instant.EPOCH;

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
			this.admin = admin;
			this.organisationName = organisation.name();
			context.getBean(ScopeManagement.class)
				.define(Actor.user(admin.id(), admin.username(), organisation.id(), Role.ORG_ADMIN, null), "deploy",
						null);
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
				case CREATE -> create(now, step);
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
				case NARROW -> {
					if (target != null) {
						narrow(target, SCOPE_SETS.get(step.pick() % SCOPE_SETS.size()));
					}
				}
				case WIDEN -> {
					if (target != null && !target.scopes.contains("api")) {
						// one more scope than it holds: api, or another it lacks
						Set<String> wider = new TreeSet<>(target.scopes);
						List<String> lacking = List.of("api", "read_api", "deploy")
							.stream()
							.filter((scope) -> !target.scopes.contains(scope))
							.toList();
						wider.add(lacking.get(step.pick() % lacking.size()));
						narrow(target, wider);
					}
				}
				case SET_ALLOWLIST -> {
					if (target != null) {
						List<String> allowlist = ALLOWLISTS.get(step.pick() % ALLOWLISTS.size());
						ApiResponse response = patch(target, "{\"allowedIps\":" + json(allowlist) + "}");
						assertThat(response.status()).as(response.body()).isEqualTo(200);
						target.allowlist = allowlist;
					}
				}
				case REQUEST -> {
					if (target != null) {
						request(target, CLIENT_ORDER.get(step.pick() % CLIENT_ORDER.size()), step.pick() / 7);
					}
				}
				case REQUEST_FROM_ELSEWHERE -> {
					if (target != null) {
						request(target, NOWHERE, step.pick());
					}
				}
			}
		}

		/**
		 * {@code PATCH}es the token's scopes: allowed when the model's scopes grant every
		 * one asked for, else 409 {@code scope-widening} and nothing changes.
		 */
		private void narrow(ModelToken target, Set<String> requested) {
			boolean allowed = target.scopes.contains("api") || target.scopes.containsAll(requested);

			ApiResponse response = patch(target, "{\"scopes\":" + json(requested) + "}");

			if (allowed) {
				assertThat(response.status()).as("narrowing %s to %s: %s", target.scopes, requested, response.body())
					.isEqualTo(200);
				target.scopes = new TreeSet<>(requested);
			}
			else {
				assertThat(response.status()).as("widening %s to %s: %s", target.scopes, requested, response.body())
					.isEqualTo(409);
				assertThat(response.problemType()).isEqualTo("scope-widening");
			}
		}

		/**
		 * Presents the token from {@code client} to one of five doors, each needing its
		 * own scope for a safe or an unsafe method, and compares the answer with the
		 * model's.
		 */
		private void request(ModelToken target, String client, int door) {
			String secret = this.secrets.get(target.id);
			Door chosen = Door.values()[Math.floorMod(door, Door.values().length)];
			HttpRequest.Builder request = chosen.request(api, this.organisationName)
				.header("Authorization", "Bearer " + secret)
				.header("X-Forwarded-For", client);
			int expected = !authenticates(target, this.clock.instant()) || !target.admits(client) ? 401
					: !target.permits(chosen.required, chosen.safe) ? 403 : chosen.success;

			ApiResponse response = api.send(request);

			assertThat(response.status())
				.as("%s from %s with %s, allowlist %s: %s (the service says %s)", chosen, client, target.scopes,
						target.allowlist, response.body(), this.verification.verify(secret, client).refusal())
				.isEqualTo(expected);
		}

		private boolean authenticates(ModelToken token, Instant now) {
			return token.status(now) == TokenStatus.ACTIVE && this.ownerActive && this.ownerLicensed;
		}

		private ApiResponse patch(ModelToken target, String json) {
			return api.send(api.raw("/api/v1/tokens/" + target.id.value())
				.header("Authorization", "Bearer " + managerToken())
				.header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
		}

		/**
		 * The managing admin's token; a new one when the walk's clock has moved past the
		 * last one's expiry.
		 */
		private String managerToken() {
			if (!this.clock.instant().isBefore(this.managerTokenExpires.minus(Duration.ofDays(1)))) {
				IssuedToken issued = this.tokens.issueFor(Actor.operator(), this.admin.id(),
						new NewToken("manager-" + this.created++, null, 365, null, null, null));
				this.managerToken = issued.secret().reveal();
				this.managerTokenExpires = issued.view().token().expiresAt();
			}
			return this.managerToken;
		}

		private static String json(java.util.Collection<String> values) {
			return values.stream().map((v) -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
		}

		private void create(Instant now, Step step) {
			long holding = this.model.stream().filter((t) -> !t.expired(now)).count();
			String expected = !this.ownerActive ? "owner-deactivated"
					: !this.ownerLicensed ? "owner-unlicensed" : (holding >= 10) ? "token-limit-reached" : null;
			Set<String> scopes = SCOPE_SETS.get(step.pick() % SCOPE_SETS.size());
			List<String> allowlist = ALLOWLISTS.get((step.pick() / 5) % ALLOWLISTS.size());
			try {
				IssuedToken issued = this.tokens.issueFor(Actor.operator(), this.owner.id(),
						new NewToken("t" + this.created++, null, 30, null, List.copyOf(scopes), allowlist));
				assertThat(expected).as("create should have been refused").isNull();
				ModelToken created = new ModelToken(issued.view().token().id(), issued.view().token().expiresAt());
				created.scopes = new TreeSet<>(scopes);
				created.allowlist = allowlist;
				this.model.add(created);
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
				assertThat(token.scopes().names()).as("scopes after " + step)
					.containsExactlyElementsOf(expected.scopes);
				assertThat(token.allowedAddresses().entries()).as("allowlist after " + step)
					.containsExactlyElementsOf(expected.allowlist);
				boolean authenticates = authenticates(expected, now);
				String allowed = CLIENT_ORDER.stream().filter(expected::admits).findFirst().orElseThrow();
				String secret = this.secrets.get(expected.id);
				assertThat(this.verification.verify(secret, allowed).isAccepted())
					.as("authenticates from %s after %s", allowed, step)
					.isEqualTo(authenticates);
				assertThat(this.verification.verify(secret, NOWHERE).isAccepted())
					.as("authenticates from %s after %s", NOWHERE, step)
					.isEqualTo(authenticates && expected.allowlist.isEmpty());
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

		SortedSet<String> scopes = new TreeSet<>(Set.of("api"));

		List<String> allowlist = List.of();

		ModelToken(TokenId id, Instant expiresAt) {
			this.id = id;
			this.expiresAt = expiresAt;
		}

		boolean expired(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

		/**
		 * SPEC §8: an empty allowlist admits anyone, else an entry must admit the client.
		 */
		boolean admits(String client) {
			return this.allowlist.isEmpty() || this.allowlist.stream().anyMatch(CLIENTS.get(client)::contains);
		}

		/**
		 * SPEC §8: {@code api} grants everything; {@code read_api} grants {@code api} and
		 * itself for safe methods; any other scope grants itself.
		 */
		boolean permits(List<String> required, boolean safe) {
			return required.stream()
				.allMatch((scope) -> this.scopes.contains("api") || (scope.equals("api") || scope.equals("read_api")
						? safe && this.scopes.contains("read_api") : this.scopes.contains(scope)));
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

	/**
	 * Where a request step presents its token: the scopes each needs, whether its method
	 * is safe, and the status it answers when the token may pass.
	 */
	enum Door {

		ME(List.of(), true, 200) {
			@Override
			HttpRequest.Builder request(Api api, String organisation) {
				return api.raw("/api/v1/me").GET();
			}
		},
		LIST_TOKENS(List.of("api"), true, 200) {
			@Override
			HttpRequest.Builder request(Api api, String organisation) {
				return api.raw("/api/v1/tokens").GET();
			}
		},
		// an unsafe request that changes nothing: the body is refused (400) once the
		// token
		// has passed
		CREATE_TOKEN(List.of("api"), false, 400) {
			@Override
			HttpRequest.Builder request(Api api, String organisation) {
				return api.raw("/api/v1/tokens")
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{}"));
			}
		},
		FORWARD_AUTH_DEPLOY_POST(List.of("deploy"), false, 200) {
			@Override
			HttpRequest.Builder request(Api api, String organisation) {
				return api.raw("/auth/verify?organisation=" + organisation + "&scope=deploy")
					.header("X-Forwarded-Method", "POST")
					.GET();
			}
		},
		FORWARD_AUTH_GET(List.of("api"), true, 200) {
			@Override
			HttpRequest.Builder request(Api api, String organisation) {
				return api.raw("/auth/verify?organisation=" + organisation).header("X-Forwarded-Method", "GET").GET();
			}
		};

		final List<String> required;

		final boolean safe;

		final int success;

		Door(List<String> required, boolean safe, int success) {
			this.required = required;
			this.safe = safe;
			this.success = success;
		}

		abstract HttpRequest.Builder request(Api api, String organisation);

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
