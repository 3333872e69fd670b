package dev.latchkey.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.Organisations;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import dev.latchkey.user.UserProblems.LastAdmin;
import dev.latchkey.user.UserProblems.NoLicenseSeatLeft;
import dev.latchkey.user.UserProblems.UsernameTaken;
import dev.latchkey.user.UserProblems.WeakPassword;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on users. Each checks that the actor administers the user's organisation (a
 * user of another organisation answers 404), changes the user, and records the audit
 * event, in one transaction.
 */
@Service
public class UserManagement {

	static final int MIN_PASSWORD_LENGTH = 12;

	/** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
	static final int MAX_PASSWORD_BYTES = 72;

	private final Users users;

	private final Organisations organisations;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserManagement(Users users, Organisations organisations, PasswordEncoder passwords, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.organisations = organisations;
		this.passwords = passwords;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public User create(Actor actor, OrganisationId organisationId, NewUser request) {
		requireAdmin(actor, organisationId);
		checkPassword(request.password());
		Organisation organisation = this.organisations.lockById(organisationId)
			.orElseThrow(() -> new NotFound("organisation"));
		User user = new User(UserId.random(), organisationId, request.username(), request.email(),
				request.displayName(), request.role(), UserStatus.ACTIVE, request.licensed(), this.clock.instant());
		if (this.users.usernameExists(user.username())) {
			throw new UsernameTaken(user.username());
		}
		if (user.licensed()) {
			requireFreeSeat(organisation);
		}
		String hash = Objects.requireNonNull(this.passwords.encode(request.password()),
				"an encoder returns null only for a null password");
		this.users.insert(user, hash);
		this.audit.record(AuditEntry.of(AuditEventType.USER_CREATED, actor, organisationId)
			.target("user", user.id(), user.username())
			.details("role=" + user.role() + ", licensed=" + user.licensed()));
		return user;
	}

	@Transactional(readOnly = true)
	public List<User> list(Actor actor, OrganisationId organisationId) {
		requireAdmin(actor, organisationId);
		return this.users.findByOrganisation(organisationId);
	}

	@Transactional(readOnly = true)
	public User get(Actor actor, UserId id) {
		User user = this.users.findById(id)
			.filter((u) -> actor.canSee(u.organisationId()))
			.orElseThrow(() -> new NotFound("user"));
		requireAdmin(actor, user.organisationId());
		return user;
	}

	@Transactional
	public User deactivate(Actor actor, UserId id) {
		User user = lockVisible(actor, id);
		if (!user.isActive()) {
			return user;
		}
		if (user.isActiveAdmin()) {
			requireAnotherActiveAdmin(user.organisationId());
		}
		User deactivated = save(user.withStatus(UserStatus.DEACTIVATED));
		this.events.publishEvent(new UserDeactivated(id, user.organisationId(), actor));
		record(AuditEventType.USER_DEACTIVATED, actor, deactivated, null);
		return deactivated;
	}

	@Transactional
	public User reactivate(Actor actor, UserId id) {
		User user = lockVisible(actor, id);
		if (user.isActive()) {
			return user;
		}
		User reactivated = save(user.withStatus(UserStatus.ACTIVE));
		record(AuditEventType.USER_REACTIVATED, actor, reactivated, null);
		return reactivated;
	}

	@Transactional
	public User setLicensed(Actor actor, UserId id, boolean licensed) {
		User user = lockVisible(actor, id);
		if (user.licensed() == licensed) {
			return user;
		}
		if (licensed) {
			requireFreeSeat(this.organisations.lockById(user.organisationId()).orElseThrow());
		}
		User changed = save(user.withLicense(licensed));
		if (!licensed) {
			this.events.publishEvent(new UserLicenseRemoved(id, user.organisationId(), actor));
		}
		record(licensed ? AuditEventType.USER_LICENSE_GRANTED : AuditEventType.USER_LICENSE_REMOVED, actor, changed,
				null);
		return changed;
	}

	@Transactional
	public User changeRole(Actor actor, UserId id, Role role) {
		User user = lockVisible(actor, id);
		if (user.role() == role) {
			return user;
		}
		if (user.isActiveAdmin()) {
			requireAnotherActiveAdmin(user.organisationId());
		}
		User changed = save(user.withRole(role));
		record(AuditEventType.USER_ROLE_CHANGED, actor, changed, "from " + user.role() + " to " + role);
		return changed;
	}

	private User lockVisible(Actor actor, UserId id) {
		User user = this.users.lockById(id)
			.filter((u) -> actor.canSee(u.organisationId()))
			.orElseThrow(() -> new NotFound("user"));
		requireAdmin(actor, user.organisationId());
		return user;
	}

	private User save(User user) {
		this.users.update(user);
		return user;
	}

	private void record(AuditEventType type, Actor actor, User user, @Nullable String details) {
		AuditEntry entry = AuditEntry.of(type, actor, user.organisationId()).target("user", user.id(), user.username());
		this.audit.record((details != null) ? entry.details(details) : entry);
	}

	private void requireFreeSeat(Organisation organisation) {
		if (this.users.countLicensed(organisation.id()) >= organisation.licenseSeats()) {
			throw new NoLicenseSeatLeft(organisation.licenseSeats());
		}
	}

	private void requireAnotherActiveAdmin(OrganisationId organisation) {
		// The organisation row lock serialises concurrent demotions and deactivations of
		// its admins.
		this.organisations.lockById(organisation);
		if (this.users.countActiveAdmins(organisation) <= 1) {
			throw new LastAdmin();
		}
	}

	private static void requireAdmin(Actor actor, OrganisationId organisation) {
		if (!actor.canSee(organisation)) {
			throw new NotFound("organisation");
		}
		if (!actor.administers(organisation)) {
			throw new Forbidden("Only organisation administrators manage users.");
		}
	}

	private static void checkPassword(String password) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw new WeakPassword("A password has at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new WeakPassword("A password has at most " + MAX_PASSWORD_BYTES + " bytes.");
		}
	}

	/**
	 * The user a console session belongs to, if they may still use it: the session of a
	 * deactivated or removed user ends at its next request (SPEC rule 7).
	 */
	@Transactional(readOnly = true)
	public Optional<User> signedIn(String username) {
		return this.users.findByUsername(username).filter(User::isActive);
	}

	/** A password sign-in succeeded: recorded as {@code LOGIN} (SPEC rule 12). */
	@Transactional
	public void signInSucceeded(String username, String clientIp, String channel) {
		this.users.findByUsername(username).ifPresent((user) -> {
			Actor actor = Actor.user(user.id(), user.username(), user.organisationId(), user.role(), clientIp);
			this.audit.record(AuditEntry.of(AuditEventType.LOGIN, actor, user.organisationId())
				.target("user", user.id(), user.username())
				.details(channel));
		});
	}

	/**
	 * A password sign-in failed: recorded as {@code LOGIN_FAILED} with the reason. A
	 * username that exists nowhere is not recorded as typed, since people type passwords
	 * into the wrong field.
	 */
	@Transactional
	public void signInFailed(String username, String clientIp, String channel, boolean deactivated) {
		Optional<User> user = this.users.findByUsername(username.strip());
		Actor actor = Actor.anonymous(clientIp);
		if (user.isPresent()) {
			String reason = deactivated ? "deactivated" : "bad-credentials";
			this.audit.record(AuditEntry.of(AuditEventType.LOGIN_FAILED, actor, user.get().organisationId())
				.target("user", user.get().id(), user.get().username())
				.details(channel + ", reason=" + reason));
		}
		else {
			this.audit.record(
					AuditEntry.of(AuditEventType.LOGIN_FAILED, actor, null).details(channel + ", reason=unknown-user"));
		}
	}

}
