package dev.latchkey.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

	private final List<IPAddress> blocks;

	private AllowedAddresses(List<IPAddress> blocks) {
		this.blocks = List.copyOf(blocks);
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
		IPAddress address = new IPAddressString(entry.strip(), ENTRY).getAddress();
		if (address == null) {
			throw new InvalidAllowedIps(at + " is not an IPv4 or IPv6 address or CIDR block, such as "
					+ "203.0.113.7, 198.51.100.0/24 or 2001:db8::/32.");
		}
		Integer prefix = address.getNetworkPrefixLength();
		if (prefix == null) {
			return address;
		}
		if (prefix == 0) {
			throw new InvalidAllowedIps(at + " is a /0 block, which admits every address; leave 'allowedIps' "
					+ "empty for a token that may be used from anywhere.");
		}
		// A block's own address with a prefix parses as the whole block; anything else
		// (10.0.0.1/8) is a single address with bits set after the prefix.
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
		IPAddress client = clientAddress(clientAddress);
		if (client == null) {
			return false;
		}
		for (IPAddress block : this.blocks) {
			if (block.contains(client)) {
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
