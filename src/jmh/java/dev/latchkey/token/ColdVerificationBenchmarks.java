package dev.latchkey.token;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification that misses the cache and reaches the database: a valid token (a
 * different one of 1,000 each time, spread through a table of {@code tokens} rows), and
 * a well-formed token that does not exist. The caches are cleared before every call,
 * which costs well under a microsecond.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ColdVerificationBenchmarks {

	@Param({ "h2", "postgres" })
	public String database;

	@Param({ "1000" })
	public int tokens;

	private BenchmarkInstance instance;

	private String[] unknown;

	private int next;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.instance = new BenchmarkInstance(this.database, this.tokens);
		TokenFormat format = new TokenFormat("lkp_", new SecureRandom());
		this.unknown = new String[1_000];
		for (int i = 0; i < this.unknown.length; i++) {
			this.unknown[i] = format.generate().reveal();
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.instance.close();
	}

	@Benchmark
	public Verification cacheMissValidToken() {
		this.instance.cache.invalidateAll();
		return this.instance.verification.verify(this.instance.secrets.get(index(this.instance.secrets.size())),
				"127.0.0.1");
	}

	@Benchmark
	public Verification cacheMissUnknownToken() {
		this.instance.cache.invalidateAll();
		return this.instance.verification.verify(this.unknown[index(this.unknown.length)], "127.0.0.1");
	}

	private int index(int size) {
		this.next = (this.next + 1) % size;
		return this.next;
	}

}
