package dev.latchkey.user;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class UserUnitTests {

	private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

	@ParameterizedTest
	@ValueSource(strings = { "a", "alice", "alice.smith", "alice_smith", "alice-smith", "alice@example.com", "7up" })
	void aUsernameOfLowerCaseLettersDigitsAndSomePunctuationIsAccepted(String username) {
		// when / then
		assertThatNoException().isThrownBy(() -> user(username, null, null));
	}

	@Test
	void aUsernameOfOneHundredCharactersIsAccepted() {
		// when / then
		assertThatNoException().isThrownBy(() -> user("a".repeat(100), null, null));
	}

	@Test
	void aUsernameOfOneHundredAndOneCharactersIsRefused() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> user("a".repeat(101), null, null));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "Alice", ".alice", "-alice", "_alice", "@alice", "alice smith", "alice/smith", "élise" })
	void aUsernameWithUpperCaseSpacesOrLeadingPunctuationIsRefused(String username) {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> user(username, null, null))
			.withMessageContaining("username");
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice@example.com", "a@b", "alice+tokens@sub.example.org" })
	void aPlausibleEmailAddressIsAccepted(String email) {
		// when
		User user = user("alice", email, null);

		// then
		assertThat(user.email()).isEqualTo(email);
	}

	@Test
	void theEmailAddressIsOptional() {
		// when / then
		assertThatNoException().isThrownBy(() -> user("alice", null, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "alice", "alice@", "@example.com", "alice@@example.com", "a@b@c",
			"alice smith@example.com" })
	void somethingThatIsNotAnEmailAddressIsRefused(String email) {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> user("alice", email, null))
			.withMessageContaining("'email'");
	}

	@Test
	void anEmailAddressWithALocalPartOverSixtyFourCharactersIsRefused() {
		// given
		String email = "a".repeat(65) + "@example.com";

		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> user("alice", email, null));
	}

	@Test
	void aDisplayNameOfOneToTwoHundredCharactersIsAccepted() {
		// when / then
		assertThatNoException().isThrownBy(() -> user("alice", null, "A"));
		assertThatNoException().isThrownBy(() -> user("alice", null, "A".repeat(200)));
		assertThatNoException().isThrownBy(() -> user("alice", null, null));
	}

	@Test
	void aDisplayNameOverTwoHundredCharactersIsRefused() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> user("alice", null, "A".repeat(201)))
			.withMessageContaining("'displayName'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void aBlankDisplayNameIsRefused(String displayName) {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> user("alice", null, displayName))
			.withMessageContaining("'displayName'");
	}

	@Test
	void onlyAnActiveLicensedUserMayHoldTokens() {
		// given
		User admin = TestUsers.admin();

		// when / then
		assertThat(admin.mayHoldTokens()).isTrue();
		assertThat(admin.isActiveAdmin()).isTrue();
		assertThat(TestUsers.deactivated(admin).mayHoldTokens()).isFalse();
		assertThat(TestUsers.deactivated(admin).isActiveAdmin()).isFalse();
		assertThat(TestUsers.unlicensed(admin).mayHoldTokens()).isFalse();
		assertThat(TestUsers.user().isActiveAdmin()).isFalse();
	}

	@Test
	void aNewUserPrintedByAccidentDoesNotShowThePassword() {
		// given
		NewUser request = new NewUser("alice", "correct horse battery staple", Role.USER, true, null, null);

		// when
		String printed = request.toString();

		// then
		assertThat(printed).contains("alice").doesNotContain("correct horse battery staple");
	}

	private User user(String username, @Nullable String email, @Nullable String displayName) {
		return new User(UserId.random(), OrganisationId.random(), username, email, displayName, Role.USER,
				UserStatus.ACTIVE, true, this.clock.instant());
	}

}
