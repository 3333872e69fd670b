package dev.latchkey.token;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the token parser with generated strings: any text at all, strings shaped like
 * tokens, and real tokens with one character changed. The parser never throws, and
 * accepts exactly the tokens it generated.
 */
class TokenParserFuzzUnitTests {

	private static final TokenFormat FORMAT = new TokenFormat("lkp_", new SecureRandom());

	private static final AtomicLong TRIED = new AtomicLong();

	private static final AtomicLong ESCAPED = new AtomicLong();

	@Property(tries = 5000)
	void anyTextIsRefusedWithoutAnException(@ForAll String text) {
		assertThat(parse(text)).isFalse();
	}

	@Property(tries = 5000)
	void tokenShapedTextIsRefusedUnlessItsChecksumMatches(@ForAll("tokenShaped") String text) {
		String body = text.substring(0, text.length() - TokenFormat.CHECKSUM_LENGTH);
		boolean checksumMatches = TokenFormat.checksum(body).equals(text.substring(body.length()));
		assertThat(parse(text)).isEqualTo(checksumMatches);
	}

	@Property(tries = 5000)
	void aRealTokenWithOneCharacterChangedIsRefused(@ForAll("oneCharacterChanged") String text) {
		assertThat(parse(text)).isFalse();
	}

	@Example
	void everyGeneratedTokenIsAccepted() {
		for (int i = 0; i < 1000; i++) {
			assertThat(parse(FORMAT.generate().reveal())).isTrue();
		}
	}

	@Provide
	Arbitrary<String> tokenShaped() {
		return Arbitraries.strings()
			.withChars(TokenFormat.ALPHABET.toCharArray())
			.ofLength(TokenFormat.RANDOM_LENGTH + TokenFormat.CHECKSUM_LENGTH)
			.map((s) -> "lkp_" + s);
	}

	@Provide
	Arbitrary<String> oneCharacterChanged() {
		return Arbitraries.integers().between(0, 39).flatMap((position) -> Arbitraries.chars().map((c) -> {
			String token = FORMAT.generate().reveal();
			if (token.charAt(position) == c) {
				return token + "x";
			}
			return token.substring(0, position) + c + token.substring(position + 1);
		}));
	}

	private static boolean parse(String text) {
		TRIED.incrementAndGet();
		try {
			return FORMAT.parse(text).isPresent();
		}
		catch (RuntimeException ex) {
			ESCAPED.incrementAndGet();
			throw ex;
		}
	}

	@AfterContainer
	static void report() {
		System.out
			.println("RELIABILITY token-parser-fuzz: inputs=" + TRIED.get() + ", escapedExceptions=" + ESCAPED.get());
	}

}
