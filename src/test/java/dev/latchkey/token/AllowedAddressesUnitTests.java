package dev.latchkey.token;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import dev.latchkey.token.TokenProblems.InvalidAllowedIps;
import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SPEC §8's allowlists: which entries are accepted and how they are written back, which
 * are refused and what the refusal says, and which client addresses an allowlist admits.
 */
class AllowedAddressesUnitTests {

	@ParameterizedTest(name = "{0} is kept as {1}")
	@CsvSource(delimiter = '|', textBlock = """
			192.0.2.1                               | 192.0.2.1
			198.51.100.0/24                         | 198.51.100.0/24
			10.0.0.0/8                              | 10.0.0.0/8
			' 10.0.0.0/8 '                          | 10.0.0.0/8
			203.0.113.7/32                          | 203.0.113.7/32
			2001:db8::1                             | 2001:db8::1
			2001:DB8:0::/32                         | 2001:db8::/32
			2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1
			2001:db8:0:0:1::/80                     | 2001:db8:0:0:1::/80
			fe80::/10                               | fe80::/10
			::1                                     | ::1
			""")
	void anAddressOrBlockIsAcceptedAndNormalised(String entry, String normalised) {
		AllowedAddresses allowed = AllowedAddresses.of(List.of(entry));

		assertThat(allowed.entries()).containsExactly(normalised);
		assertThat(AllowedAddresses.parse(allowed.serialised())).isEqualTo(allowed);
	}

	@Test
	void theStoredFormReadsBackEqual() {
		AllowedAddresses allowed = AllowedAddresses.of(List.of("10.0.0.0/8", "2001:DB8::/32", "192.0.2.1"));

		assertThat(allowed.serialised()).isEqualTo("10.0.0.0/8 2001:db8::/32 192.0.2.1");
		assertThat(AllowedAddresses.parse(allowed.serialised())).isEqualTo(allowed);
		assertThat(AllowedAddresses.parse(null)).isEqualTo(AllowedAddresses.ANYWHERE);
		assertThat(AllowedAddresses.parse("  ")).isEqualTo(AllowedAddresses.ANYWHERE);
		assertThat(AllowedAddresses.ANYWHERE.serialised()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.1", "10.1.2", "010.0.0.1", "10.0.0.01", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4",
			"localhost", "example.com", "printer.internal", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1",
			"10.0.0.0/08", "10.0.0.1-5", "10.0.0.1-10.0.0.5", "10.0.0.*", "*", "2001:db8::*", "10.0.0.0/255.0.0.0",
			"fe80::1%eth0", "fe80::%eth0/64", "0x0a000001", "167772161", "10.0.0.0/", "/8", "10.0.0.0 /8",
			"10.0.0.0/8/8", "::ffff:10.0.0.1/200", "1:2:3:4:5:6:7:8:9", "2001:db8:::1", "00001::1", "10.0.0.1,10.0.0.2",
			"10.0.0.1 10.0.0.2", "\u0661\u0660.0.0.1", "10.0.0.1\u0000" })
	void anEntryThatIsNotALiteralAddressOrBlockIsRefused(String entry) {
		assertRefused(List.of("192.0.2.1", entry), "Entry 2 of 'allowedIps' is not an IPv4 or IPv6 address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void aBlankEntryIsRefused(String entry) {
		assertRefused(List.of(entry), "Entry 1 of 'allowedIps' is not an IPv4 or IPv6 address");
	}

	@Test
	void aNullEntryIsRefused() {
		assertRefused(Arrays.asList("10.0.0.0/8", null), "Entry 2 of 'allowedIps'");
	}

	@Test
	void anOverLongEntryIsRefusedWithoutBeingParsed() {
		String longest = "2001:0db8:0000:0000:0000:0000:0000:0001/128";

		assertThat(AllowedAddresses.of(List.of(longest)).entries()).containsExactly("2001:db8::1/128");
		assertRefused(List.of("1".repeat(51)), "Entry 1 of 'allowedIps'");
		assertRefused(List.of("10.0.0.1" + " ".repeat(50)), "Entry 1 of 'allowedIps'");
	}

	@Test
	void aHostNameIsRefusedWithoutLookingItUp() throws Exception {
		// the recorder sees lookups: a test that could not fail would prove nothing
		InetAddress.getByName("localhost");
		assertThat(RecordedLookups.names()).contains("localhost");

		assertRefused(List.of("latchkey-allowlist-probe.example.com"), "Entry 1");
		assertThat(AllowedAddresses.of(List.of("10.0.0.0/8")).admits("latchkey-client-probe.example.com")).isFalse();
		assertThat(AllowedAddresses.isAddress("latchkey-address-probe.example.com")).isFalse();

		assertThat(RecordedLookups.names()).noneMatch((name) -> name.startsWith("latchkey-"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0/0", "::/0" })
	void aBlockOfEveryAddressIsRefusedAndTheMessageSaysToLeaveTheListEmpty(String entry) {
		assertRefused(List.of(entry), "Entry 1 of 'allowedIps' is a /0 block");
		assertRefused(List.of(entry), "leave 'allowedIps' empty");
	}

	@ParameterizedTest(name = "{0} suggests {1}")
	@CsvSource(delimiter = '|', textBlock = """
			10.1.2.3/8          | 10.0.0.0/8
			192.168.1.1/24      | 192.168.1.0/24
			2001:db8::1/32      | 2001:db8::/32
			203.0.113.255/31    | 203.0.113.254/31
			""")
	void aBlockWithHostBitsIsRefusedAndTheMessageSuggestsTheBlock(String entry, String suggestion) {
		assertRefused(List.of(entry), "has bits set after its prefix; did you mean " + suggestion + "?");
	}

	@ParameterizedTest(name = "{0} repeats {1}")
	@CsvSource(delimiter = '|', textBlock = """
			10.0.0.0/8          | 10.0.0.0/8
			2001:db8::/32       | 2001:DB8:0::/32
			2001:db8::1         | 2001:0db8::0001
			192.0.2.1           | ' 192.0.2.1 '
			""")
	void aRepeatedEntryIsRefused(String first, String second) {
		assertRefused(List.of(first, second), "Entry 2 of 'allowedIps' repeats an earlier one.");
	}

	@Test
	void aPrefixWithALeadingZeroIsRefusedRatherThanReadAsTheSameBlock() {
		assertRefused(List.of("10.0.0.0/8", "10.0.0.0/08"), "Entry 2 of 'allowedIps' is not");
	}

	@Test
	void twentyEntriesAreAcceptedAndTwentyOneRefused() {
		List<String> twenty = IntStream.range(0, 20).mapToObj((i) -> "10." + i + ".0.0/16").toList();
		List<String> twentyOne = new ArrayList<>(twenty);
		twentyOne.add("192.0.2.1");

		assertThat(AllowedAddresses.of(twenty).entries()).hasSize(20);
		assertRefused(twentyOne, "'allowedIps' has at most 20 entries.");
	}

	@Test
	void aRefusalNeverRepeatsWhatWasTyped() {
		String typed = "lkp_notAnAddressButASecret";

		assertThatExceptionOfType(InvalidAllowedIps.class).isThrownBy(() -> AllowedAddresses.of(List.of(typed)))
			.withMessageNotContaining(typed);
	}

	@ParameterizedTest(name = "{0} admits {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			10.0.0.0/8             | 10.0.0.1                 | true
			10.0.0.0/8             | 10.255.255.255           | true
			10.0.0.0/8             | 11.0.0.0                 | false
			10.0.0.0/8             | 9.255.255.255            | false
			192.0.2.1              | 192.0.2.1                | true
			192.0.2.1              | 192.0.2.2                | false
			198.51.100.0/24        | ::ffff:198.51.100.7      | true
			198.51.100.0/24        | ::FFFF:198.51.100.7      | true
			198.51.100.0/24        | ::ffff:c633:6407         | true
			198.51.100.0/24        | ::ffff:198.51.101.7      | false
			198.51.100.7           | ::ffff:198.51.100.7      | true
			2001:db8::/32          | 2001:db8:ffff::1         | true
			2001:db8::/32          | 2001:DB8::1              | true
			2001:db8::/32          | 2001:db9::1              | false
			2001:db8::/32          | 198.51.100.7             | false
			2001:db8::/32          | ::ffff:198.51.100.7      | false
			fe80::/64              | fe80::1%eth0             | true
			fe80::/64              | fe80:0:0:1::1%eth0       | false
			fe80::1                | fe80::1%eth0             | true
			::1                    | ::1                      | true
			::1                    | 127.0.0.1                | false
			10.0.0.0/8             | 10.0.0.0/8               | false
			10.0.0.0/8             | 10.0.0.1/32              | false
			10.0.0.0/8             | 010.0.0.1                | false
			10.0.0.0/8             | 10.1                     | false
			10.0.0.0/8             | 167772161                | false
			10.0.0.0/8             | 10.0.0.*                 | false
			10.0.0.0/8             | localhost                | false
			10.0.0.0/8             | garbage                  | false
			""")
	void anAddressIsAdmittedOnlyInsideAnEntry(String entry, String client, boolean admitted) {
		assertThat(AllowedAddresses.of(List.of(entry)).admits(client)).isEqualTo(admitted);
	}

	@Test
	void anAddressInsideTheLastOfTwentyEntriesIsAdmittedAndOneOutsideAllIsNot() {
		List<String> entries = new ArrayList<>();
		IntStream.range(0, 10).forEach((i) -> entries.add("10." + i + ".0.0/16"));
		IntStream.range(0, 10).forEach((i) -> entries.add("2001:db8:" + Integer.toHexString(10 + i) + "::/48"));
		AllowedAddresses allowed = AllowedAddresses.of(entries);

		assertThat(allowed.admits("2001:db8:13::7")).isTrue();
		assertThat(allowed.admits("10.9.255.1")).isTrue();
		assertThat(allowed.admits("203.0.113.9")).isFalse();
		assertThat(allowed.admits("2001:db8:14::7")).isFalse();
	}

	/**
	 * {@link AllowedAddresses#admits} matches precomputed masks and reads plain IPv4
	 * itself; the library's parser and {@code contains} are the reference it must agree
	 * with, for random blocks and for clients that are, or almost are, addresses.
	 */
	@Test
	void theMaskMatchAgreesWithTheLibraryForRandomBlocksAndClients() {
		Random random = new Random(20261202L);
		for (int round = 0; round < 5_000; round++) {
			IPAddress block = randomBlock(random);
			AllowedAddresses allowed = AllowedAddresses.of(List.of(block.toCompressedString()));
			for (int i = 0; i < 20; i++) {
				String client = randomClient(random, block);
				IPAddress reference = AllowedAddresses.clientAddress(client);
				boolean expected = reference != null && block.contains(reference);

				assertThat(allowed.admits(client)).as("%s admits %s", block, client).isEqualTo(expected);
			}
		}
	}

	/**
	 * With a list that admits every address, {@code admits} says exactly whether the text
	 * is a client address as the library reads it: the hand-written readers of plain IPv4
	 * and hex IPv6 accept nothing it refuses and refuse nothing it accepts.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "::", "::1", "1::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8",
			"1:2:3:4::5:6:7:8", "1:2:3:4:5:6:7:8:9", ":::", "1:::2", "1::2::3", ":1::2", "1::2:", "1:2:3:4:5:6:7:",
			":1:2:3:4:5:6:7:8", "12345::1", "0000:0000:0000:0000:0000:0000:0000:0001", "00000::1", "abcd:EF01::",
			"g::1", "::ffff:c633:6407", "::FFFF:C633:6407", "::ffff:0:1", "::fffe:c633:6407",
			"0:0:0:0:0:ffff:c633:6407", "::ffff:198.51.100.7", "fe80::1%eth0", "fe80::1%", "0.0.0.0", "255.255.255.255",
			"256.0.0.0", "1.2.3", "1.2.3.4.", ".1.2.3.4", "1..2.3", "01.2.3.4", "1.2.3.04", "0.0.0.00", "1.2.3.4 ",
			" 1.2.3.4", "1.2.3.4/32", "١.2.3.4", "１.2.3.4", "ａ::1", "1.2.3.4%eth0", "::1/128", "" })
	void theHandWrittenReadersAgreeWithTheLibrary(String client) {
		AllowedAddresses everywhere = AllowedAddresses.of(List.of("0.0.0.0/1", "128.0.0.0/1", "::/1", "8000::/1"));

		assertThat(everywhere.admits(client)).isEqualTo(AllowedAddresses.clientAddress(client) != null);
	}

	private static IPAddress randomBlock(Random random) {
		boolean ipv4 = random.nextBoolean();
		byte[] bytes = new byte[ipv4 ? 4 : 16];
		random.nextBytes(bytes);
		int prefix = 1 + random.nextInt(bytes.length * 8);
		IPAddress address = ipv4 ? new IPv4Address(bytes) : new IPv6Address(bytes);
		return address.toPrefixBlock(prefix);
	}

	private static String randomClient(Random random, IPAddress block) {
		IPAddress inside = block.getLower().withoutPrefixLength();
		return switch (random.nextInt(8)) {
			case 0 -> inside.toNormalizedString();
			case 1 -> block.getUpper().withoutPrefixLength().toCompressedString();
			case 2 ->
				random.nextInt(300) + "." + random.nextInt(300) + "." + random.nextInt(300) + "." + random.nextInt(300);
			case 3 -> "0" + (random.nextInt(3)) + "." + random.nextInt(256) + ".0." + random.nextInt(10);
			case 4 -> inside.isIPv4() ? "::ffff:" + inside : inside + "%eth0";
			case 5 -> inside.toFullString();
			case 6 -> mutate(random, random.nextBoolean() ? inside.toCompressedString() : inside.toFullString());
			default -> {
				byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
				random.nextBytes(bytes);
				yield ((bytes.length == 4) ? new IPv4Address(bytes) : new IPv6Address(bytes)).toCanonicalString();
			}
		};
	}

	/** One character changed, dropped or added: often no longer an address. */
	private static String mutate(Random random, String text) {
		String alphabet = "0123456789abcdefABCDEFg:.%/ ";
		int at = random.nextInt(text.length());
		char c = alphabet.charAt(random.nextInt(alphabet.length()));
		return switch (random.nextInt(3)) {
			case 0 -> text.substring(0, at) + c + text.substring(at + 1);
			case 1 -> text.substring(0, at) + text.substring(at + 1);
			default -> text.substring(0, at) + c + text.substring(at);
		};
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "garbage", "10.0.0.0/8",
			"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" })
	void noUnknownOrMalformedClientIsAdmittedWhenThereIsAList(String client) {
		assertThat(AllowedAddresses.of(List.of("10.0.0.0/8", "::/1", "8000::/1")).admits(client)).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "garbage", "10.0.0.1", "2001:db8::1" })
	void anEmptyListAdmitsAnything(String client) {
		assertThat(AllowedAddresses.of(List.of()).admits(client)).isTrue();
		assertThat(AllowedAddresses.ANYWHERE.admits(client)).isTrue();
		assertThat(AllowedAddresses.ANYWHERE.isAnywhere()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.1", "2001:db8::1", "::ffff:10.0.0.1", "fe80::1%eth0" })
	void aSingleAddressIsAnAddress(String text) {
		assertThat(AllowedAddresses.isAddress(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "10.0.0.0/8", "10.1", "example.com", "10.0.0.1-5", "::/0" })
	void anythingElseIsNotAnAddress(String text) {
		assertThat(AllowedAddresses.isAddress(text)).isFalse();
	}

	private static void assertRefused(List<String> entries, String message) {
		assertThatExceptionOfType(InvalidAllowedIps.class).isThrownBy(() -> AllowedAddresses.of(entries))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.type().slug()).isEqualTo("invalid-allowed-ips"));
	}

}
