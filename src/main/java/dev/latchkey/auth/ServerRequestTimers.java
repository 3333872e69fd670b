package dev.latchkey.auth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * {@code http.server.requests} for the requests the lean path answers, with the tags the
 * metrics filter gives every other request ({@code method}, {@code uri}, {@code status},
 * {@code outcome}, {@code exception}, {@code error}), so that dashboards and alerts see
 * one series per endpoint whichever path served it. The timers are built once per
 * combination and kept: a handful per endpoint, since the path pattern, the method (the
 * firewall admits seven) and the status are each from a short list.
 */
final class ServerRequestTimers {

	static final String NAME = "http.server.requests";

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private final MeterRegistry registry;

	private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

	ServerRequestTimers(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String uri, String method, int status, @Nullable Throwable failure, long nanos) {
		String exception = (failure != null) ? name(failure) : "none";
		Key key = new Key(uri, METHODS.contains(method) ? method : "UNKNOWN", status, exception);
		this.timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
	}

	private Timer timer(Key key) {
		return Timer.builder(NAME)
			.tag("uri", key.uri())
			.tag("method", key.method())
			.tag("status", Integer.toString(key.status()))
			.tag("outcome", Outcome.forStatus(key.status()).name())
			.tag("exception", key.exception())
			.tag("error", key.exception())
			.register(this.registry);
	}

	private static String name(Throwable failure) {
		String simple = failure.getClass().getSimpleName();
		return simple.isEmpty() ? failure.getClass().getName() : simple;
	}

	private record Key(String uri, String method, int status, String exception) {

	}

}
