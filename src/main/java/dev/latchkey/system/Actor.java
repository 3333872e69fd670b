package dev.latchkey.system;

import org.jspecify.annotations.Nullable;

/**
 * Who performs a use case: a user of an organisation (through a token or the console),
 * the operator of the installation (command line), or the system itself (scheduled jobs,
 * reactions to events). Carries the client IP for the audit trail.
 *
 * @param kind what sort of actor this is
 * @param userId the acting user, for {@link Kind#USER}
 * @param name the username, or {@code operator} / {@code system}
 * @param organisationId the user's organisation, for {@link Kind#USER}
 * @param role the user's current role, for {@link Kind#USER}
 * @param clientIp where the request came from, if it came over the network
 */
public record Actor(Kind kind, @Nullable UserId userId, String name, @Nullable OrganisationId organisationId,
		@Nullable Role role, @Nullable String clientIp) {

	public enum Kind {

		USER, OPERATOR, SYSTEM, ANONYMOUS,

		/** A resource-server client of one organisation (introspection, revocation). */
		CLIENT

	}

	public static Actor user(UserId userId, String username, OrganisationId organisationId, Role role,
			@Nullable String clientIp) {
		return new Actor(Kind.USER, userId, username, organisationId, role, clientIp);
	}

	public static Actor operator() {
		return new Actor(Kind.OPERATOR, null, "operator", null, null, null);
	}

	/** Somebody not (or no longer) authenticated, e.g. presenting a refused token. */
	public static Actor anonymous(@Nullable String clientIp) {
		return new Actor(Kind.ANONYMOUS, null, "anonymous", null, null, clientIp);
	}

	/** A registered resource-server client, acting within its organisation. */
	public static Actor client(String clientId, OrganisationId organisationId, @Nullable String clientIp) {
		return new Actor(Kind.CLIENT, null, "client:" + clientId, organisationId, null, clientIp);
	}

	public static Actor system() {
		return new Actor(Kind.SYSTEM, null, "system", null, null, null);
	}

	/**
	 * Whether this actor may administer the given organisation: the operator may
	 * administer every organisation, a user only their own and only as
	 * {@link Role#ORG_ADMIN}.
	 */
	public boolean administers(OrganisationId organisation) {
		return switch (this.kind) {
			case OPERATOR, SYSTEM -> true;
			case USER -> this.role == Role.ORG_ADMIN && organisation.equals(this.organisationId);
			case ANONYMOUS, CLIENT -> false;
		};
	}

	/** Whether this actor belongs to (or may act on) the given organisation at all. */
	public boolean canSee(OrganisationId organisation) {
		return switch (this.kind) {
			case OPERATOR, SYSTEM -> true;
			case USER, CLIENT -> organisation.equals(this.organisationId);
			case ANONYMOUS -> false;
		};
	}

	/**
	 * The acting user, where only a signed-in user can get (the console, a use case that
	 * checked the actor is an administrator).
	 * @throws IllegalStateException if this actor is not a user
	 */
	public UserId requireUserId() {
		if (this.userId == null) {
			throw new IllegalStateException("A " + this.kind + " actor has no user id");
		}
		return this.userId;
	}

	/**
	 * The actor's organisation, where only a user or client of one can get.
	 * @throws IllegalStateException if this actor belongs to no organisation
	 */
	public OrganisationId requireOrganisationId() {
		if (this.organisationId == null) {
			throw new IllegalStateException("A " + this.kind + " actor has no organisation");
		}
		return this.organisationId;
	}

	public boolean is(UserId user) {
		return user.equals(this.userId);
	}

	/**
	 * How the actor is written in records: the user id, or {@code operator} /
	 * {@code system}.
	 */
	public String reference() {
		return (this.userId != null) ? this.userId.toString() : this.name;
	}

}
