package dev.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the token parser: any text at all, text shaped like a token, and real tokens
 * with one character changed. The parser never throws, and accepts exactly the
 * well-formed tokens with a matching checksum.
 * <p>
 * Each {@link FuzzTest} replays its committed inputs in
 * {@code src/test/resources/dev/latchkey/token/TokenParserFuzzUnitTestsInputs/<method>/}
 * in every run, and is fuzzed, coverage-guided, with {@code JAZZER_FUZZ=1}
 * (docs/reliability.md). So that every run also tries fresh inputs, a seeded sweep feeds
 * the same checks random inputs; {@code -Dlatchkey.fuzz.seed} replays a sweep whose seed
 * a failure printed.
 */
class TokenParserFuzzUnitTests {

	private static final String PREFIX = "lkp_";

	private static final TokenFormat FORMAT = new TokenFormat(PREFIX, new SecureRandom());

	private static final int SWEEP = Integer.getInteger("latchkey.fuzz.parser.inputs", 5000);

	private static final long SEED = Long.getLong("latchkey.fuzz.seed", new SecureRandom().nextLong());

	private static final AtomicLong TRIED = new AtomicLong();

	private static final AtomicLong ESCAPED = new AtomicLong();

	@FuzzTest
	void anyTextIsAcceptedOnlyAsAWellFormedToken(byte[] input) {
		String text = new String(input, StandardCharsets.UTF_8);
		assertThat(parse(text)).as("accepted: %s", text).isEqualTo(wellFormed(text));
	}

	@FuzzTest
	void tokenShapedTextIsRefusedUnlessItsChecksumMatches(byte[] input) {
		String text = PREFIX + inAlphabet(input, TokenFormat.RANDOM_LENGTH + TokenFormat.CHECKSUM_LENGTH);
		String body = text.substring(0, text.length() - TokenFormat.CHECKSUM_LENGTH);
		boolean checksumMatches = TokenFormat.checksum(body).equals(text.substring(body.length()));
		assertThat(parse(text)).as("accepted: %s", text).isEqualTo(checksumMatches);
	}

	/**
	 * The first byte picks the position, the next two the new character, the rest the
	 * token's random part: a fuzzer can only learn from inputs that decide the token.
	 */
	@FuzzTest
	void aRealTokenWithOneCharacterChangedIsRefused(byte[] input) {
		String body = PREFIX + inAlphabet(skip(input, 3), TokenFormat.RANDOM_LENGTH);
		String token = body + TokenFormat.checksum(body);
		assertThat(parse(token)).as("the unchanged token %s", token).isTrue();
		int position = Byte.toUnsignedInt(at(input, 0)) % token.length();
		char replacement = (char) ((Byte.toUnsignedInt(at(input, 1)) << 8) | Byte.toUnsignedInt(at(input, 2)));
		String changed = (token.charAt(position) == replacement) ? token + "x"
				: token.substring(0, position) + replacement + token.substring(position + 1);
		assertThat(parse(changed)).as("accepted: %s", changed).isFalse();
	}

	@Test
	void everyGeneratedTokenIsAccepted() {
		for (int i = 0; i < 1000; i++) {
			assertThat(parse(FORMAT.generate().reveal())).isTrue();
		}
	}

	@Test
	void anyTextIsAcceptedOnlyAsAWellFormedTokenForSeededRandomText() {
		sweep((random) -> anyTextIsAcceptedOnlyAsAWellFormedToken(randomText(random).getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void tokenShapedTextIsRefusedUnlessItsChecksumMatchesForSeededRandomText() {
		sweep((random) -> tokenShapedTextIsRefusedUnlessItsChecksumMatches(randomBytes(random, 36)));
	}

	@Test
	void aRealTokenWithOneCharacterChangedIsRefusedForSeededRandomChanges() {
		sweep((random) -> aRealTokenWithOneCharacterChangedIsRefused(randomBytes(random, 33)));
	}

	@AfterAll
	static void report() {
		System.out.println("RELIABILITY token-parser-fuzz: inputs=" + TRIED.get() + ", escapedExceptions="
				+ ESCAPED.get() + ", seed=" + SEED);
	}

	/**
	 * Runs one check on {@link #SWEEP} random inputs; a failure names the seed that
	 * replays it.
	 */
	private static void sweep(Consumer<Random> check) {
		Random random = new Random(SEED);
		for (int i = 0; i < SWEEP; i++) {
			try {
				check.accept(random);
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("input " + i + " of the sweep failed; replay with -Dlatchkey.fuzz.seed=" + SEED
						+ ": " + ex.getMessage(), ex);
			}
		}
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

	/** The reference: SPEC §4's shape, checked the slow, obvious way. */
	private static boolean wellFormed(String text) {
		if (text.length() != FORMAT.length() || !text.startsWith(PREFIX)) {
			return false;
		}
		for (char c : text.substring(PREFIX.length()).toCharArray()) {
			if (TokenFormat.ALPHABET.indexOf(c) < 0) {
				return false;
			}
		}
		String body = text.substring(0, text.length() - TokenFormat.CHECKSUM_LENGTH);
		return TokenFormat.checksum(body).equals(text.substring(body.length()));
	}

	/** {@code length} base62 characters taken from the input, repeated as needed. */
	private static String inAlphabet(byte[] input, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int b = (input.length == 0) ? 0 : Byte.toUnsignedInt(input[i % input.length]);
			text.append(TokenFormat.ALPHABET.charAt(b % TokenFormat.ALPHABET.length()));
		}
		return text.toString();
	}

	private static byte at(byte[] input, int index) {
		return (index < input.length) ? input[index] : 0;
	}

	private static byte[] skip(byte[] input, int count) {
		return (input.length <= count) ? new byte[0] : java.util.Arrays.copyOfRange(input, count, input.length);
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	/**
	 * Any characters of any length, half the time near a token's shape, where a parser
	 * that cuts corners would go wrong.
	 */
	private static String randomText(Random random) {
		int length = random.nextBoolean() ? random.nextInt(80) : FORMAT.length() - 2 + random.nextInt(5);
		StringBuilder text = new StringBuilder(random.nextBoolean() ? PREFIX : "");
		while (text.length() < length) {
			text.append(switch (random.nextInt(3)) {
				case 0 -> TokenFormat.ALPHABET.charAt(random.nextInt(TokenFormat.ALPHABET.length()));
				case 1 -> (char) random.nextInt(128);
				default -> (char) random.nextInt(Character.MAX_VALUE + 1);
			});
		}
		return text.toString();
	}

}
