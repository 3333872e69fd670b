package dev.latchkey.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ActorUnitTests {

	private final OrganisationId own = OrganisationId.random();

	private final OrganisationId other = OrganisationId.random();

	@Test
	void aUserHasTheUserIdAndOrganisationThatSignedInCodeRequires() {
		// given
		Actor user = user(Role.USER);

		// when / then
		assertThat(user.requireUserId()).isEqualTo(user.userId());
		assertThat(user.requireOrganisationId()).isEqualTo(this.own);
	}

	@Test
	void theOperatorHasNoUserIdOrOrganisationToRequire() {
		// given
		Actor operator = Actor.operator();

		// when / then
		assertThatIllegalStateException().isThrownBy(operator::requireUserId).withMessageContaining("OPERATOR");
		assertThatIllegalStateException().isThrownBy(operator::requireOrganisationId).withMessageContaining("OPERATOR");
	}

	@Test
	void anAdminAdministersAndSeesTheirOwnOrganisation() {
		// given
		Actor admin = user(Role.ORG_ADMIN);

		// when / then
		assertThat(admin.administers(this.own)).isTrue();
		assertThat(admin.canSee(this.own)).isTrue();
	}

	@Test
	void anAdminNeitherAdministersNorSeesAnotherOrganisation() {
		// given
		Actor admin = user(Role.ORG_ADMIN);

		// when / then
		assertThat(admin.administers(this.other)).isFalse();
		assertThat(admin.canSee(this.other)).isFalse();
	}

	@Test
	void aGeneralUserSeesButDoesNotAdministerTheirOwnOrganisation() {
		// given
		Actor user = user(Role.USER);

		// when / then
		assertThat(user.administers(this.own)).isFalse();
		assertThat(user.canSee(this.own)).isTrue();
		assertThat(user.administers(this.other)).isFalse();
		assertThat(user.canSee(this.other)).isFalse();
	}

	@Test
	void theOperatorAdministersAndSeesEveryOrganisation() {
		// given
		Actor operator = Actor.operator();

		// when / then
		assertThat(operator.administers(this.own)).isTrue();
		assertThat(operator.canSee(this.other)).isTrue();
	}

	@Test
	void theSystemAdministersAndSeesEveryOrganisation() {
		// given
		Actor system = Actor.system();

		// when / then
		assertThat(system.administers(this.own)).isTrue();
		assertThat(system.canSee(this.other)).isTrue();
	}

	@Test
	void anAnonymousCallerNeitherAdministersNorSeesAnyOrganisation() {
		// given
		Actor anonymous = Actor.anonymous("203.0.113.7");

		// when / then
		assertThat(anonymous.administers(this.own)).isFalse();
		assertThat(anonymous.canSee(this.own)).isFalse();
	}

	@Test
	void aUserIsRecordedByIdAndOthersByName() {
		// given
		UserId id = UserId.random();
		Actor user = Actor.user(id, "alice", this.own, Role.USER, null);

		// when / then
		assertThat(user.reference()).isEqualTo(id.toString());
		assertThat(user.is(id)).isTrue();
		assertThat(user.is(UserId.random())).isFalse();
		assertThat(Actor.operator().reference()).isEqualTo("operator");
		assertThat(Actor.system().reference()).isEqualTo("system");
		assertThat(Actor.operator().is(id)).isFalse();
	}

	private Actor user(Role role) {
		return Actor.user(UserId.random(), "alice", this.own, role, "203.0.113.7");
	}

}
