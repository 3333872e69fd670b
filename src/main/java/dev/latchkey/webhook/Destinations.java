package dev.latchkey.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;

/**
 * The SSRF guard of webhooks: what a webhook URL may be, and where a delivery may go. A
 * destination is {@code https} and every address its host resolves to is public, unless
 * the installation allows insecure destinations. Checked when a webhook is created and
 * again right before each attempt, because DNS answers change.
 * <p>
 * Residual risk: the HTTP client resolves the host once more when it connects, so a name
 * whose answers change between the check and the connection (DNS rebinding with a very
 * short TTL) could still reach a private address for one attempt; the window is the time
 * between the check and the connect, and the receiver never sees a response body from us.
 */
public final class Destinations {

	/** Longest URL a webhook may have. */
	public static final int MAX_URL_LENGTH = 2000;

	/** Resolves a host name (or literal) to all of its addresses, like the JDK does. */
	@FunctionalInterface
	public interface Resolver {

		List<InetAddress> resolve(String host) throws UnknownHostException;

	}

	static final Resolver DNS = (host) -> List.of(InetAddress.getAllByName(host));

	private final boolean allowInsecure;

	private final Resolver resolver;

	public Destinations(boolean allowInsecure, Resolver resolver) {
		this.allowInsecure = allowInsecure;
		this.resolver = resolver;
	}

	/**
	 * The URL as a webhook may have it: absolute http(s) with a host, no user info, no
	 * fragment, at most {@value #MAX_URL_LENGTH} characters.
	 * @throws InvalidWebhookUrl otherwise
	 */
	public static URI parse(String url) {
		if (url.isEmpty() || url.length() > MAX_URL_LENGTH) {
			throw new InvalidWebhookUrl("A webhook URL has 1 to " + MAX_URL_LENGTH + " characters.");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new InvalidWebhookUrl("The webhook URL is not a valid URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
			throw new InvalidWebhookUrl("A webhook URL is an absolute https URL with a host name.");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidWebhookUrl("A webhook URL carries no user name or password.");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidWebhookUrl("A webhook URL has no fragment (#...).");
		}
		return uri;
	}

	/**
	 * Refuses a destination that is not https or that resolves to any address that is not
	 * public; lifted entirely when insecure destinations are allowed.
	 * @throws InsecureDestination if the destination may not be reached
	 */
	public void requireAllowed(URI url) {
		if (this.allowInsecure) {
			return;
		}
		if (!"https".equalsIgnoreCase(url.getScheme())) {
			throw new InsecureDestination("Webhooks are sent over https only.");
		}
		String host = url.getHost();
		List<InetAddress> addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw new InsecureDestination("The webhook's host name does not resolve.");
		}
		if (addresses.isEmpty()) {
			throw new InsecureDestination("The webhook's host name does not resolve.");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				throw new InsecureDestination(
						"The webhook's host resolves to a loopback, private, link-local or otherwise non-public address.");
			}
		}
	}

	/**
	 * Whether an address is on the public internet: not any-local, loopback, private (RFC
	 * 1918), shared (CGNAT, 100.64/10), link-local (169.254/16 with the cloud metadata
	 * address, fe80::/10), unique-local (fc00::/7), site-local, multicast, documentation,
	 * benchmarking or reserved; IPv6 forms that embed an IPv4 address (mapped, NAT64,
	 * 6to4) are judged by that address; IPv4-compatible and Teredo addresses are refused.
	 */
	public static boolean isPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicIpv4(bytes);
		}
		return isPublicIpv6(bytes);
	}

	private static boolean isPublicIpv4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		return !(a0 == 0 // "this network", 0.0.0.0
				|| a0 == 10 // private
				|| (a0 == 100 && (a1 & 0xc0) == 64) // shared address space, 100.64/10
				|| a0 == 127 // loopback
				|| (a0 == 169 && a1 == 254) // link-local, cloud metadata
				|| (a0 == 172 && (a1 & 0xf0) == 16) // private, 172.16/12
				|| (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol,
																	// TEST-NET-1
				|| (a0 == 192 && a1 == 88 && a2 == 99) // 6to4 relay anycast
				|| (a0 == 192 && a1 == 168) // private
				|| (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking, 198.18/15
				|| (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
				|| (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
				|| a0 >= 224); // multicast, reserved, broadcast
	}

	private static boolean isPublicIpv6(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			return isPublicIpv4(tail(b, 12)); // IPv4-mapped, ::ffff:a.b.c.d
		}
		if (zeros(b, 0, 12)) {
			return false; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
		}
		if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) {
			return isPublicIpv4(tail(b, 12)); // NAT64, 64:ff9b::/96
		}
		if (first == 0x20 && second == 0x02) {
			return isPublicIpv4(new byte[] { b[2], b[3], b[4], b[5] }); // 6to4, 2002::/16
		}
		if (first == 0x20 && second == 0x01) {
			int third = b[2] & 0xff;
			int fourth = b[3] & 0xff;
			if (third == 0 && fourth == 0) {
				return false; // Teredo, 2001::/32: tunnels to any IPv4 address
			}
			if (third == 0x0d && fourth == 0xb8) {
				return false; // documentation, 2001:db8::/32
			}
		}
		return !((first & 0xfe) == 0xfc // unique-local, fc00::/7
				|| (first == 0xfe && (second & 0xc0) == 0x80) // link-local, fe80::/10
				|| (first == 0xfe && (second & 0xc0) == 0xc0) // site-local, fec0::/10
				|| first == 0xff // multicast
				|| (first == 0x01 && second == 0x00 && zeros(b, 2, 8))); // discard,
																			// 100::/64
	}

	private static boolean zeros(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static byte[] tail(byte[] bytes, int from) {
		return new byte[] { bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3] };
	}

	/** The URL is not one a webhook may have. */
	public static class InvalidWebhookUrl extends ProblemException {

		InvalidWebhookUrl(String detail) {
			super(new ProblemType("invalid-webhook-url", 400, "Invalid webhook URL"), detail);
		}

	}

	/** The destination is not public https, and the installation does not allow that. */
	public static class InsecureDestination extends ProblemException {

		InsecureDestination(String detail) {
			super(new ProblemType("insecure-webhook-destination", 400, "Insecure webhook destination"), detail);
		}

	}

}
