package dev.latchkey.token;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What scopes and allowlists (SPEC §8) add to a cached verification: a cached token with
 * a 20-entry allowlist presented from an IPv4 or IPv6 address inside its last entry
 * (every entry is tried) and from one outside all of them (refused); on their own, the
 * allowlist check and the scope check every door makes after verification.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AllowlistBenchmarks {

	/** IPv4, inside the last entry of {@link #ipv4Last}. */
	static final String IPV4_INSIDE_LAST = "10.9.200.7";

	/** IPv6, inside the last entry of {@link #ipv6Last}. */
	static final String IPV6_INSIDE_LAST = "2001:db8:13::7";

	/** In none of the entries of either list. */
	static final String OUTSIDE = "203.0.113.9";

	private BenchmarkInstance instance;

	private AllowedAddresses ipv4Last;

	private AllowedAddresses ipv6Last;

	private String ipv4LastToken;

	private String ipv6LastToken;

	private final TokenScopes readApiAndDeploy = TokenScopes.of(List.of("read_api", "deploy"));

	private final List<dev.latchkey.token.Scope> api = List.of(dev.latchkey.token.Scope.API);

	private final List<dev.latchkey.token.Scope> deploy = List.of(new dev.latchkey.token.Scope("deploy"));

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.instance = new BenchmarkInstance("h2", 10);
		this.ipv4Last = twentyEntries(false);
		this.ipv6Last = twentyEntries(true);
		this.ipv4LastToken = this.instance.insert("ipv4-last", TokenScopes.DEFAULT, this.ipv4Last);
		this.ipv6LastToken = this.instance.insert("ipv6-last", TokenScopes.DEFAULT, this.ipv6Last);
		require(this.instance.verification.verify(this.ipv4LastToken, IPV4_INSIDE_LAST).isAccepted());
		require(this.instance.verification.verify(this.ipv6LastToken, IPV6_INSIDE_LAST).isAccepted());
		require(!this.instance.verification.verify(this.ipv4LastToken, OUTSIDE).isAccepted());
		require(!this.readApiAndDeploy.permits(this.api, false));
		require(this.readApiAndDeploy.permits(this.deploy, true));
	}

	/**
	 * Ten IPv4 /16 blocks and ten IPv6 /48 blocks, the family of the client last, so the
	 * client is compared with every entry before the last admits it.
	 */
	static AllowedAddresses twentyEntries(boolean ipv6Last) {
		List<String> ipv4 = new ArrayList<>();
		List<String> ipv6 = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ipv4.add("10." + i + ".0.0/16");
			ipv6.add("2001:db8:" + Integer.toHexString(10 + i) + "::/48");
		}
		List<String> entries = new ArrayList<>(ipv6Last ? ipv4 : ipv6);
		entries.addAll(ipv6Last ? ipv6 : ipv4);
		return AllowedAddresses.of(entries);
	}

	private static void require(boolean condition) {
		if (!condition) {
			throw new IllegalStateException("The benchmark's token is not judged as the benchmark assumes");
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.instance.close();
	}

	@Benchmark
	public Verification cachedTokenWith20EntryAllowlistIpv4ClientInLastEntry() {
		return this.instance.verification.verify(this.ipv4LastToken, IPV4_INSIDE_LAST);
	}

	@Benchmark
	public Verification cachedTokenWith20EntryAllowlistIpv6ClientInLastEntry() {
		return this.instance.verification.verify(this.ipv6LastToken, IPV6_INSIDE_LAST);
	}

	@Benchmark
	public Verification cachedTokenWith20EntryAllowlistClientOutsideAll() {
		return this.instance.verification.verify(this.ipv4LastToken, OUTSIDE);
	}

	@Benchmark
	public boolean allowlistAloneIpv4ClientInLastEntry() {
		return this.ipv4Last.admits(IPV4_INSIDE_LAST);
	}

	@Benchmark
	public boolean allowlistAloneIpv6ClientInLastEntry() {
		return this.ipv6Last.admits(IPV6_INSIDE_LAST);
	}

	@Benchmark
	public boolean allowlistAloneClientOutsideAll() {
		return this.ipv4Last.admits(OUTSIDE);
	}

	@Benchmark
	public boolean scopeCheckReadApiRefusedForUnsafeMethod() {
		return this.readApiAndDeploy.permits(this.api, false);
	}

	@Benchmark
	public boolean scopeCheckCustomScopeGranted() {
		return this.readApiAndDeploy.permits(this.deploy, true);
	}

}
