package dev.latchkey.token;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The test JVM's name resolver: the JDK's own, which also notes every host name it is
 * asked for, so a test can show that parsing an allowlist never looks a name up
 * (registered in {@code META-INF/services}; it changes no answer).
 */
public final class RecordedLookups extends InetAddressResolverProvider {

	private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

	/** The host names looked up so far in this JVM, in lower case. */
	static Set<String> names() {
		return Set.copyOf(NAMES);
	}

	@Override
	public InetAddressResolver get(Configuration configuration) {
		InetAddressResolver builtIn = configuration.builtinResolver();
		return new InetAddressResolver() {

			@Override
			public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
				NAMES.add(host.toLowerCase(java.util.Locale.ROOT));
				return builtIn.lookupByName(host, policy);
			}

			@Override
			public String lookupByAddress(byte[] address) throws UnknownHostException {
				return builtIn.lookupByAddress(address);
			}

		};
	}

	@Override
	public String name() {
		return "recorded lookups";
	}

}
