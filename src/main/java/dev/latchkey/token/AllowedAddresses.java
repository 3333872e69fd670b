package dev.latchkey.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import dev.latchkey.token.TokenProblems.InvalidAllowedIps;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import org.jspecify.annotations.Nullable;

/**
 * Where a token may be used from (SPEC §8): up to {@value #MAX_ENTRIES} IPv4 or IPv6
 * addresses or CIDR blocks; none means anywhere. Entries are parsed strictly by the
 * IPAddress library: literals only (never a host name, so never DNS), no legacy forms
 * such as {@code 10.1}, no ranges or masks, no bits set after the prefix, and no
 * {@code /0}, which would admit every address (an empty list says that).
 */
public final class AllowedAddresses {

	public static final int MAX_ENTRIES = 20;

	/** The longest entry there is: a full IPv6 address with a prefix length, and some. */
	static final int MAX_ENTRY_LENGTH = 50;

	public static final AllowedAddresses ANYWHERE = new AllowedAddresses(List.of());

	private static final IPAddressStringParameters ENTRY = strict(false);

	private static final IPAddressStringParameters CLIENT = strict(true);

	/** What an entry may be written with: digits, hex digits and the separators. */
	private static final Pattern ENTRY_CHARACTERS = Pattern.compile("[0-9A-Fa-f:./]+");

	private final List<IPAddress> blocks;

	/**
	 * The blocks as bit masks, for {@link #admits}: no parsing or object allocation per
	 * entry when a request is judged.
	 */
	private final Mask[] masks;

	private AllowedAddresses(List<IPAddress> blocks) {
		this.blocks = List.copyOf(blocks);
		this.masks = this.blocks.stream().map(Mask::of).toArray(Mask[]::new);
	}

	/**
	 * The allowlist a request gives.
	 * @throws InvalidAllowedIps naming the first entry at fault (by position, since what
	 * was typed there may be anything, even a secret)
	 */
	public static AllowedAddresses of(Collection<String> entries) {
		if (entries.size() > MAX_ENTRIES) {
			throw new InvalidAllowedIps("'allowedIps' has at most " + MAX_ENTRIES + " entries.");
		}
		List<IPAddress> blocks = new ArrayList<>();
		int position = 0;
		for (String entry : entries) {
			position++;
			IPAddress block = block(entry, position);
			if (blocks.contains(block)) {
				throw new InvalidAllowedIps("Entry " + position + " of 'allowedIps' repeats an earlier one.");
			}
			blocks.add(block);
		}
		return new AllowedAddresses(blocks);
	}

	/** Reads the stored form: normalised entries separated by a space. */
	static AllowedAddresses parse(@Nullable String stored) {
		if (stored == null || stored.isBlank()) {
			return ANYWHERE;
		}
		return of(List.of(stored.strip().split(" +")));
	}

	private static IPAddress block(@Nullable String entry, int position) {
		String at = "Entry " + position + " of 'allowedIps'";
		if (entry == null || entry.isBlank() || entry.length() > MAX_ENTRY_LENGTH) {
			throw new InvalidAllowedIps(at + " is not an IPv4 or IPv6 address or CIDR block.");
		}
		String text = entry.strip();
		// the library forgives some characters around an address (a NUL, for one)
		if (!ENTRY_CHARACTERS.matcher(text).matches()) {
			throw new InvalidAllowedIps(at + " is not an IPv4 or IPv6 address or CIDR block.");
		}
		// the library refuses "/0" as a prefix length starting with a zero, so no parsed
		// entry has it; say why here instead
		if (text.endsWith("/0") && clientAddress(text.substring(0, text.length() - 2)) != null) {
			throw new InvalidAllowedIps(at + " is a /0 block, which admits every address; leave 'allowedIps' "
					+ "empty for a token that may be used from anywhere.");
		}
		IPAddress address = new IPAddressString(text, ENTRY).getAddress();
		if (address == null) {
			throw new InvalidAllowedIps(at + " is not an IPv4 or IPv6 address or CIDR block, such as "
					+ "203.0.113.7, 198.51.100.0/24 or 2001:db8::/32.");
		}
		Integer prefix = address.getNetworkPrefixLength();
		if (prefix == null) {
			return address;
		}
		// "10.0.0.0/8" parses as the block, "10.1.2.3/8" as one address with a prefix
		// length: only the first is a whole prefix block (a /32 or /128 always is)
		if (!address.isPrefixBlock()) {
			throw new InvalidAllowedIps(at + " has bits set after its prefix; did you mean "
					+ address.toPrefixBlock().toCompressedString() + "?");
		}
		return address.toPrefixBlock();
	}

	/**
	 * Whether a request from this address may use the token: always when the list is
	 * empty; never when the address is unknown or not an IP literal.
	 */
	public boolean admits(@Nullable String clientAddress) {
		if (this.blocks.isEmpty()) {
			return true;
		}
		Bits client = Bits.ofClient(clientAddress);
		if (client == null) {
			return false;
		}
		for (Mask mask : this.masks) {
			if (mask.contains(client)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A client's address as an IP address: an IPv4-mapped IPv6 address as the IPv4 one,
	 * without a zone; {@code null} if it is not an address.
	 */
	static @Nullable IPAddress clientAddress(@Nullable String text) {
		if (text == null || text.isEmpty() || text.length() > MAX_ENTRY_LENGTH) {
			return null;
		}
		IPAddress address = new IPAddressString(text, CLIENT).getAddress();
		if (address == null || address.getNetworkPrefixLength() != null) {
			return null;
		}
		if (address.isIPv6()) {
			if (address.toIPv6().isIPv4Mapped()) {
				return address.toIPv6().getEmbeddedIPv4Address();
			}
			return address.toIPv6().removeZone();
		}
		return address;
	}

	/**
	 * An address as 128 bits ({@code high}, {@code low}); an IPv4 address in the low 32
	 * bits of {@code low}.
	 */
	private record Bits(boolean ipv4, long high, long low) {

		/**
		 * A client's address, as {@link #clientAddress} reads it. The forms requests come
		 * from (plain dotted IPv4, IPv6 in hex groups) are read here without the
		 * library's general parser, which allocates a good deal; anything else goes to
		 * it.
		 */
		static @Nullable Bits ofClient(@Nullable String text) {
			if (text == null) {
				return null;
			}
			long ipv4 = dottedIpv4(text);
			if (ipv4 >= 0) {
				return new Bits(true, 0, ipv4);
			}
			Bits ipv6 = hexIpv6(text);
			if (ipv6 != null) {
				return ipv6;
			}
			IPAddress address = clientAddress(text);
			return (address != null) ? of(address) : null;
		}

		/**
		 * Eight groups of one to four hex digits separated by colons, of which one
		 * {@code ::} may stand for one or more groups of zeros; an IPv4-mapped address as
		 * the IPv4 one. {@code null} for any other text (with a zone, an embedded IPv4
		 * address, or not an address), which the strict parser then judges.
		 */
		private static @Nullable Bits hexIpv6(String text) {
			int length = text.length();
			if (length < 2 || length > 39) {
				return null;
			}
			int[] groups = new int[8];
			int count = 0;
			int gap = -1;
			int i = 0;
			if (text.startsWith("::")) {
				gap = 0;
				i = 2;
			}
			while (i < length) {
				int start = i;
				int group = 0;
				int digit;
				while (i < length && (digit = hexDigit(text.charAt(i))) >= 0) {
					group = (group << 4) | digit;
					i++;
				}
				int digits = i - start;
				if (digits == 0 || digits > 4 || count == 8) {
					return null;
				}
				groups[count++] = group;
				if (i == length) {
					break;
				}
				if (text.charAt(i) != ':' || ++i == length) {
					return null;
				}
				if (text.charAt(i) == ':') {
					if (gap >= 0) {
						return null;
					}
					gap = count;
					i++;
				}
			}
			if ((gap < 0) ? count != 8 : count > 7) {
				return null;
			}
			int[] full = new int[8];
			int head = (gap < 0) ? count : gap;
			System.arraycopy(groups, 0, full, 0, head);
			System.arraycopy(groups, head, full, 8 - (count - head), count - head);
			long high = 0;
			long low = 0;
			for (int g = 0; g < 4; g++) {
				high = (high << 16) | full[g];
				low = (low << 16) | full[g + 4];
			}
			if (high == 0 && (low >>> 32) == 0xFFFF) {
				return new Bits(true, 0, low & 0xFFFF_FFFFL);
			}
			return new Bits(false, high, low);
		}

		private static int hexDigit(char c) {
			if (c >= '0' && c <= '9') {
				return c - '0';
			}
			if (c >= 'a' && c <= 'f') {
				return c - 'a' + 10;
			}
			if (c >= 'A' && c <= 'F') {
				return c - 'A' + 10;
			}
			return -1;
		}

		static Bits of(IPAddress address) {
			byte[] bytes = address.getBytes();
			if (address.isIPv4()) {
				return new Bits(true, 0, toLong(bytes, 0, 4));
			}
			return new Bits(false, toLong(bytes, 0, 8), toLong(bytes, 8, 16));
		}

		private static long toLong(byte[] bytes, int from, int to) {
			long value = 0;
			for (int i = from; i < to; i++) {
				value = (value << 8) | (bytes[i] & 0xFF);
			}
			return value;
		}

		/**
		 * {@code a.b.c.d}, each part 0 to 255 in decimal without a leading zero, as a
		 * number; -1 for any other text (which the strict parser then judges).
		 */
		private static long dottedIpv4(String text) {
			int length = text.length();
			if (length < 7 || length > 15) {
				return -1;
			}
			long value = 0;
			int parts = 0;
			int i = 0;
			while (i <= length) {
				int start = i;
				int part = 0;
				while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
					part = part * 10 + (text.charAt(i) - '0');
					i++;
				}
				int digits = i - start;
				if (digits == 0 || digits > 3 || part > 255 || (digits > 1 && text.charAt(start) == '0')) {
					return -1;
				}
				value = (value << 8) | part;
				parts++;
				if (i == length) {
					break;
				}
				if (text.charAt(i) != '.' || parts == 4) {
					return -1;
				}
				i++;
			}
			return (parts == 4) ? value : -1;
		}

	}

	/** A block as a network and a mask over {@link Bits}. */
	private record Mask(boolean ipv4, long high, long low, long highMask, long lowMask) {

		static Mask of(IPAddress block) {
			Bits network = Bits.of(block.getLower());
			int size = block.isIPv4() ? 32 : 128;
			Integer prefix = block.getNetworkPrefixLength();
			int length = (prefix != null) ? prefix : size;
			long highMask;
			long lowMask;
			if (block.isIPv4()) {
				highMask = 0;
				lowMask = (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
			}
			else {
				highMask = (length >= 64) ? -1L : -1L << (64 - length);
				lowMask = (length <= 64) ? 0 : (length == 128) ? -1L : -1L << (128 - length);
			}
			return new Mask(block.isIPv4(), network.high() & highMask, network.low() & lowMask, highMask, lowMask);
		}

		boolean contains(Bits address) {
			return address.ipv4() == this.ipv4 && (address.high() & this.highMask) == this.high
					&& (address.low() & this.lowMask) == this.low;
		}

	}

	/** Whether {@code text} is a single IPv4 or IPv6 address. */
	public static boolean isAddress(String text) {
		return clientAddress(text) != null;
	}

	public boolean isAnywhere() {
		return this.blocks.isEmpty();
	}

	/**
	 * The entries, normalised: {@code 10.0.0.0/8}, {@code 2001:db8::/32},
	 * {@code 192.0.2.1}.
	 */
	public List<String> entries() {
		return this.blocks.stream().map(IPAddress::toCompressedString).toList();
	}

	/** The stored form, or {@code null} for anywhere. */
	@Nullable String serialised() {
		return this.blocks.isEmpty() ? null : String.join(" ", entries());
	}

	private static IPAddressStringParameters strict(boolean allowZone) {
		IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder().allowEmpty(false)
			.allowAll(false)
			.allowMask(false)
			.allowPrefixOnly(false)
			.allowSingleSegment(false)
			.allow_inet_aton(false)
			.allowWildcardedSeparator(false)
			.setRangeOptions(RangeParameters.NO_RANGE);
		builder.getIPv4AddressParametersBuilder()
			.allowLeadingZeros(false)
			.allowPrefixLengthLeadingZeros(false)
			.allowPrefixesBeyondAddressSize(false)
			.allowBinary(false)
			.setRangeOptions(RangeParameters.NO_RANGE);
		builder.getIPv6AddressParametersBuilder()
			.allowZone(allowZone)
			.allowBase85(false)
			.allowBinary(false)
			.allowUnlimitedLeadingZeros(false)
			.allowPrefixLengthLeadingZeros(false)
			.allowPrefixesBeyondAddressSize(false)
			.allow_mixed_inet_aton(false)
			.setRangeOptions(RangeParameters.NO_RANGE);
		return builder.toParams();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof AllowedAddresses that && this.blocks.equals(that.blocks);
	}

	@Override
	public int hashCode() {
		return this.blocks.hashCode();
	}

	@Override
	public String toString() {
		return isAnywhere() ? "anywhere" : String.join(" ", entries());
	}

}
