package dev.latchkey.token;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.token.TokenProblems.MalformedScope;
import dev.latchkey.token.TokenProblems.ScopeWidening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SPEC §8's scope rule: which held scopes grant which required ones, for safe and unsafe
 * methods; narrowing but never widening; the stored form; and the names and counts a
 * token may carry.
 */
class TokenScopesUnitTests {

	/**
	 * The whole matrix: a holder (space separated) against a requirement (every scope
	 * needed), answered for a safe method (GET, HEAD, OPTIONS) and for any other.
	 */
	@ParameterizedTest(name = "{0} for {1}: safe {2}, unsafe {3}")
	@CsvSource(delimiter = '|', textBlock = """
			api               | api             | true  | true
			api               | read_api        | true  | true
			api               | deploy          | true  | true
			api               | metrics:read    | true  | true
			api               | read_api deploy | true  | true
			read_api          | api             | true  | false
			read_api          | read_api        | true  | false
			read_api          | deploy          | false | false
			read_api          | metrics:read    | false | false
			read_api          | read_api deploy | false | false
			deploy            | api             | false | false
			deploy            | read_api        | false | false
			deploy            | deploy          | true  | true
			deploy            | metrics:read    | false | false
			deploy            | read_api deploy | false | false
			read_api deploy   | api             | true  | false
			read_api deploy   | read_api        | true  | false
			read_api deploy   | deploy          | true  | true
			read_api deploy   | metrics:read    | false | false
			read_api deploy   | read_api deploy | true  | false
			""")
	void aHolderIsPermittedExactlyWhatTheRuleGrants(String holder, String required, boolean safe, boolean unsafe) {
		TokenScopes scopes = scopes(holder);

		assertThat(scopes.permits(required(required), true)).as("safe method").isEqualTo(safe);
		assertThat(scopes.permits(required(required), false)).as("unsafe method").isEqualTo(unsafe);
	}

	@Test
	void requiringNothingIsPermittedToAnyHolder() {
		assertThat(scopes("deploy").permits(List.of(), false)).isTrue();
	}

	@ParameterizedTest(name = "{0} may become {1}")
	@CsvSource(delimiter = '|', textBlock = """
			api             | read_api
			api             | deploy
			api             | api
			api             | read_api deploy
			api             | metrics:read deploy
			read_api deploy | read_api
			read_api deploy | deploy
			read_api deploy | read_api deploy
			deploy          | deploy
			read_api        | read_api
			""")
	void narrowingToWhatTheScopesAlreadyGrantIsAllowed(String holder, String requested) {
		TokenScopes narrowed = scopes(holder).narrowTo(scopes(requested));

		assertThat(narrowed).isEqualTo(scopes(requested));
	}

	@ParameterizedTest(name = "{0} may not become {1}")
	@CsvSource(delimiter = '|', textBlock = """
			read_api        | api
			read_api        | api read_api
			read_api        | deploy
			read_api        | read_api deploy
			deploy          | metrics:read
			deploy          | read_api
			deploy          | api
			deploy          | deploy metrics:read
			read_api deploy | api
			read_api deploy | read_api deploy metrics:read
			""")
	void wideningIsRefused(String holder, String requested) {
		assertThatExceptionOfType(ScopeWidening.class).isThrownBy(() -> scopes(holder).narrowTo(scopes(requested)))
			.satisfies((ex) -> assertThat(ex.type().slug()).isEqualTo("scope-widening"));
	}

	@Test
	void theStoredFormIsSortedSpaceSeparatedAndReadsBackEqual() {
		TokenScopes scopes = TokenScopes.of(List.of("read_api", "metrics:read", "deploy", "read_api"));

		String stored = scopes.serialised();

		assertThat(stored).isEqualTo("deploy metrics:read read_api");
		assertThat(TokenScopes.parse(stored)).isEqualTo(scopes);
		assertThat(TokenScopes.parse("  deploy   read_api ")).isEqualTo(TokenScopes.of(List.of("read_api", "deploy")));
		assertThat(scopes.names()).containsExactly("deploy", "metrics:read", "read_api");
		assertThat(scopes.custom()).extracting(Scope::name).containsExactly("deploy", "metrics:read");
	}

	@Test
	void theDefaultIsApiAlone() {
		assertThat(TokenScopes.DEFAULT.serialised()).isEqualTo("api");
		assertThat(TokenScopes.DEFAULT.custom()).isEmpty();
	}

	@Test
	void aTokenHoldsAtLeastOneScope() {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> TokenScopes.of(List.of()))
			.withMessageContaining("at least one");
	}

	@Test
	void aTokenHoldsAtMostTwentyScopes() {
		List<String> twenty = IntStream.range(0, 20).mapToObj((i) -> "scope-" + i).toList();
		List<String> twentyOne = IntStream.range(0, 21).mapToObj((i) -> "scope-" + i).toList();

		assertThat(TokenScopes.of(twenty).names()).hasSize(20);
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> TokenScopes.of(twentyOne))
			.withMessageContaining("20");
	}

	@Test
	void twentyOneNamesThatRepeatToTwentyAreTwenty() {
		List<String> names = new java.util.ArrayList<>(IntStream.range(0, 20).mapToObj((i) -> "scope-" + i).toList());
		names.add("scope-0");

		assertThat(TokenScopes.of(names).names()).hasSize(20);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "API", "Read_api", "1deploy", "_deploy", "-deploy", "read api", "deploy\n",
			"dépl", "deploy/write", "deploy*", "a\u0000b",
			"xyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" })
	void aNameNotShapedLikeAScopeIsRefused(String name) {
		assertThatExceptionOfType(MalformedScope.class).isThrownBy(() -> TokenScopes.of(List.of("api", name)))
			.satisfies((ex) -> assertThat(ex.type().slug()).isEqualTo("invalid-scope"));
	}

	@Test
	void aMissingNameIsRefusedLikeAMalformedOne() {
		// JSON's [null] arrives as a null element
		assertThatExceptionOfType(MalformedScope.class).isThrownBy(() -> TokenScopes.of(Arrays.asList("api", null)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "deploy", "metrics:read", "ci.deploy-prod_2", "x" })
	void aNameShapedLikeAScopeIsAccepted(String name) {
		assertThat(TokenScopes.of(List.of(name)).names()).containsExactly(name);
	}

	@Test
	void theLongestNameIsSixtyFourCharacters() {
		String longest = "x" + "y".repeat(63);

		assertThat(TokenScopes.of(List.of(longest)).names()).containsExactly(longest);
	}

	private static TokenScopes scopes(String names) {
		return TokenScopes.of(Arrays.asList(names.split(" ")));
	}

	private static List<Scope> required(String names) {
		return Arrays.stream(names.split(" ")).map(Scope::new).toList();
	}

}
