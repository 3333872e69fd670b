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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification that never reaches the database: a valid token already cached, a
 * malformed token (refused by its checksum), and a well-formed unknown token already in
 * the cache of unknown digests. Each includes everything {@link TokenVerification}
 * does, recording the last use included.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class VerificationBenchmarks {

	private BenchmarkInstance instance;

	private String valid;

	private String malformed;

	private String unknown;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.instance = new BenchmarkInstance("h2", 10);
		this.valid = this.instance.secrets.get(0);
		this.malformed = this.valid.substring(0, this.valid.length() - 1) + (this.valid.endsWith("A") ? "B" : "A");
		this.unknown = new TokenFormat("lkp_", new SecureRandom()).generate().reveal();
		this.instance.verification.verify(this.valid, "127.0.0.1");
		this.instance.verification.verify(this.unknown, "127.0.0.1");
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.instance.close();
	}

	@Benchmark
	public Verification cachedValidToken() {
		return this.instance.verification.verify(this.valid, "127.0.0.1");
	}

	@Benchmark
	public Verification malformedToken() {
		return this.instance.verification.verify(this.malformed, "127.0.0.1");
	}

	@Benchmark
	public Verification unknownTokenCachedAsUnknown() {
		return this.instance.verification.verify(this.unknown, "127.0.0.1");
	}

}
