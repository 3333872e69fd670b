package dev.latchkey.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SSRF guard, with a resolver the test controls: no DNS is asked.
 */
class DestinationsUnitTests {

	private final Map<String, List<String>> dns = Map.of("hooks.example.com", List.of("93.184.216.34"),
			"mixed.example.com", List.of("93.184.216.34", "10.0.0.7"), "rebind.example.com",
			List.of("2606:4700::1111", "fd00::1"), "metadata.example.com", List.of("169.254.169.254"), "v6.example.com",
			List.of("2606:4700:4700::1111"));

	private final List<String> asked = new ArrayList<>();

	private final Destinations guard = new Destinations(false, this::resolve);

	private final Destinations lab = new Destinations(true, this::resolve);

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254",
			"127.0.0.1", "127.8.9.10", "169.254.0.1", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8",
			"192.0.2.1", "192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9",
			"224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255" })
	void anIpv4AddressThatIsNotPublicIsRefused(String address) throws Exception {
		assertThat(Destinations.isPublic(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
			"::ffff:192.168.0.1", "::ffff:100.64.0.1", "::127.0.0.1", "::8.8.8.8", "64:ff9b::a00:1", "64:ff9b::7f00:1",
			"2002:7f00:1::", "2002:a9fe:a9fe::1", "2001:0:4136:e378::1", "2001:db8::1", "fc00::1", "fd12:3456:789a::1",
			"fe80::1", "febf::1", "fec0::1", "ff02::1", "ff0e::1", "100::1" })
	void anIpv6AddressThatIsNotPublicOrEmbedsOneIsRefused(String address) throws Exception {
		assertThat(Destinations.isPublic(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.1.1.1", "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255",
			"172.32.0.1", "169.253.1.1", "192.0.1.1", "192.169.0.1", "198.17.0.1", "198.20.0.1", "223.255.255.254",
			"11.0.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808",
			"2002:808:808::1", "2001:4860::8888", "fbff::1" })
	void aPublicAddressIsAllowed(String address) throws Exception {
		assertThat(Destinations.isPublic(InetAddress.getByName(address))).isTrue();
	}

	@Test
	void httpsToAHostWithOnlyPublicAddressesIsAllowed() {
		assertThatCode(() -> this.guard.requireAllowed(URI.create("https://hooks.example.com/latchkey")))
			.doesNotThrowAnyException();
		assertThatCode(() -> this.guard.requireAllowed(URI.create("https://v6.example.com:8443/x?y=1")))
			.doesNotThrowAnyException();
	}

	@Test
	void plainHttpIsRefusedEvenToAPublicHost() {
		assertThatThrownBy(() -> this.guard.requireAllowed(URI.create("http://hooks.example.com/latchkey")))
			.isInstanceOf(Destinations.InsecureDestination.class)
			.hasMessageContaining("https");
	}

	@Test
	void aHostWithOnePrivateAddressAmongPublicOnesIsRefused() {
		assertThatThrownBy(() -> this.guard.requireAllowed(URI.create("https://mixed.example.com/")))
			.isInstanceOf(Destinations.InsecureDestination.class);
		assertThatThrownBy(() -> this.guard.requireAllowed(URI.create("https://rebind.example.com/")))
			.isInstanceOf(Destinations.InsecureDestination.class);
	}

	@Test
	void aNameForTheCloudMetadataAddressIsRefused() {
		assertThatThrownBy(() -> this.guard.requireAllowed(URI.create("https://metadata.example.com/latest")))
			.isInstanceOf(Destinations.InsecureDestination.class)
			.hasMessageContaining("non-public");
	}

	@Test
	void literalPrivateAndLoopbackAddressesAreRefused() {
		for (String url : List.of("https://127.0.0.1/", "https://[::1]/", "https://[::ffff:7f00:1]/",
				"https://10.1.2.3/", "https://169.254.169.254/", "https://[fe80::1]/", "https://0.0.0.0/")) {
			assertThatThrownBy(() -> this.guard.requireAllowed(URI.create(url))).as(url)
				.isInstanceOf(Destinations.InsecureDestination.class);
		}
	}

	@Test
	void aHostThatDoesNotResolveIsRefused() {
		assertThatThrownBy(() -> this.guard.requireAllowed(URI.create("https://nowhere.example.com/")))
			.isInstanceOf(Destinations.InsecureDestination.class)
			.hasMessageContaining("does not resolve");
	}

	@Test
	void theGuardResolvesAgainOnEveryCheck() {
		this.guard.requireAllowed(URI.create("https://hooks.example.com/a"));
		this.guard.requireAllowed(URI.create("https://hooks.example.com/a"));

		assertThat(this.asked).containsExactly("hooks.example.com", "hooks.example.com");
	}

	@Test
	void allowingInsecureDestinationsLiftsBothRulesWithoutAskingDns() {
		assertThatCode(() -> {
			this.lab.requireAllowed(URI.create("http://127.0.0.1:8080/hook"));
			this.lab.requireAllowed(URI.create("http://mixed.example.com/"));
		}).doesNotThrowAnyException();
		assertThat(this.asked).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not a url", "/relative", "hooks.example.com/x", "ftp://hooks.example.com/x",
			"file:///etc/passwd", "javascript:alert(1)", "https://user:secret@hooks.example.com/",
			"https://user@hooks.example.com/", "https:///path-only", "https://hooks.example.com/#fragment",
			"https://exa mple.com/" })
	void aUrlAWebhookMayNotHaveIsInvalid(String url) {
		assertThatThrownBy(() -> Destinations.parse(url)).isInstanceOf(Destinations.InvalidWebhookUrl.class);
	}

	@Test
	void aUrlOfMoreThan2000CharactersIsInvalidAndOf2000IsFine() {
		String base = "https://hooks.example.com/";
		String fits = base + "a".repeat(2000 - base.length());

		assertThat(Destinations.parse(fits)).isNotNull();
		assertThatThrownBy(() -> Destinations.parse(fits + "a")).isInstanceOf(Destinations.InvalidWebhookUrl.class);
	}

	@Test
	void anHttpsOrHttpUrlWithPortPathAndQueryIsValid() {
		assertThat(Destinations.parse("https://hooks.example.com:8443/in?source=latchkey").getHost())
			.isEqualTo("hooks.example.com");
		assertThat(Destinations.parse("HTTP://127.0.0.1:9000/in").getPort()).isEqualTo(9000);
	}

	private List<InetAddress> resolve(String host) throws UnknownHostException {
		this.asked.add(host);
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (Character.digit(bare.charAt(0), 16) >= 0 && (bare.contains(":") || bare.matches("[0-9.]+"))) {
			return List.of(InetAddress.getByName(bare)); // a literal: no lookup
		}
		List<String> addresses = this.dns.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		List<InetAddress> resolved = new ArrayList<>();
		for (String address : addresses) {
			resolved.add(InetAddress.getByName(address));
		}
		return resolved;
	}

}
