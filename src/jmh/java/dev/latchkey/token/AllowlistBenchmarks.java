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
 * a 20-entry allowlist presented from an address inside its last entry (every entry is
 * tried) and from one outside all of them (refused), and on their own the allowlist
 * check and the scope check every door makes after verification.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AllowlistBenchmarks {

	/** Inside the last of the 20 entries. */
	static final String INSIDE_LAST = "2001:db8:13::7";

	/** In none of them. */
	static final String OUTSIDE = "203.0.113.9";

	private BenchmarkInstance instance;

	private AllowedAddresses twenty;

	private String allowlisted;

	private final TokenScopes readApi = TokenScopes.of(List.of("read_api", "deploy"));

	private final List<dev.latchkey.token.Scope> api = List.of(dev.latchkey.token.Scope.API);

	private final List<dev.latchkey.token.Scope> deploy = List.of(new dev.latchkey.token.Scope("deploy"));

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.instance = new BenchmarkInstance("h2", 10);
		this.twenty = twentyEntries();
		this.allowlisted = this.instance.insert("allowlisted", TokenScopes.DEFAULT, this.twenty);
		require(this.instance.verification.verify(this.allowlisted, INSIDE_LAST).isAccepted());
		require(!this.instance.verification.verify(this.allowlisted, OUTSIDE).isAccepted());
	}

	/**
	 * Ten IPv4 blocks, then ten IPv6 ones; the IPv6 client is therefore compared with
	 * every entry before the last admits it.
	 */
	static AllowedAddresses twentyEntries() {
		List<String> entries = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			entries.add("10." + i + ".0.0/16");
		}
		for (int i = 0; i < 10; i++) {
			entries.add("2001:db8:" + Integer.toHexString(10 + i) + "::/48");
		}
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
	public Verification cachedTokenWithTwentyEntryAllowlistFromInsideTheLastEntry() {
		return this.instance.verification.verify(this.allowlisted, INSIDE_LAST);
	}

	@Benchmark
	public Verification cachedTokenWithTwentyEntryAllowlistFromOutsideAll() {
		return this.instance.verification.verify(this.allowlisted, OUTSIDE);
	}

	@Benchmark
	public boolean allowlistCheckInsideTheLastEntry() {
		return this.twenty.admits(INSIDE_LAST);
	}

	@Benchmark
	public boolean allowlistCheckOutsideAll() {
		return this.twenty.admits(OUTSIDE);
	}

	@Benchmark
	public boolean scopeCheckReadApiForAnUnsafeMethod() {
		return this.readApi.permits(this.api, false);
	}

	@Benchmark
	public boolean scopeCheckCustomScope() {
		return this.readApi.permits(this.deploy, true);
	}

}
