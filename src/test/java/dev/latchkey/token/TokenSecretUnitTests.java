package dev.latchkey.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.latchkey.user.TestUsers;
import dev.latchkey.user.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secret shows itself only when asked to ({@link TokenSecret#reveal()}); everything
 * else shows the hint.
 */
class TokenSecretUnitTests {

	private final TokenFormat format = new TokenFormat("lkp_", new SecureRandom());

	@Test
	void theHintIsThePrefixAndTheLastFourCharacters() {
		// given
		TokenSecret secret = this.format.generate();
		String token = secret.reveal();

		// when
		String hint = secret.hint();

		// then
		assertThat(hint).isEqualTo("lkp_…" + token.substring(36));
		assertThat(hint).doesNotContain(token.substring(4, 36));
	}

	@Test
	void theHintUsesTheInstallationsPrefix() {
		// given
		TokenSecret secret = new TokenFormat("acme_", new SecureRandom()).generate();

		// when / then
		assertThat(secret.hint()).startsWith("acme_…").hasSize("acme_…".length() + 4);
	}

	@Test
	void aSecretPrintedByAccidentShowsOnlyItsHint() {
		// given
		TokenSecret secret = this.format.generate();

		// when
		String printed = secret.toString();

		// then
		assertThat(printed).doesNotContain(secret.reveal());
		assertThat(printed).doesNotContain(secret.reveal().substring(4, 36));
		assertThat(printed).contains(secret.hint());
	}

	@Test
	void anIssuedTokenPrintedByAccidentDoesNotShowItsSecret() {
		// given
		User owner = TestUsers.admin();
		TokenSecret secret = this.format.generate();
		Instant now = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC).instant();
		ApiToken token = ApiToken.issue(owner, TestTokens.ALLOWANCE, new TokenName("ci"), null, TokenScopes.DEFAULT,
				AllowedAddresses.ANYWHERE, secret, TestUsers.actor(owner), now, now.plus(TestTokens.LIFETIME));
		IssuedToken issued = new IssuedToken(new TokenView(token, owner.username()), secret);

		// when
		String printed = issued + " " + issued.view() + " " + token;

		// then
		assertThat(printed).doesNotContain(secret.reveal());
		assertThat(printed).doesNotContain(secret.reveal().substring(4, 36));
	}

}
