package dev.latchkey.auth;

import java.time.Duration;
import java.util.Optional;

import dev.latchkey.system.RateLimit;
import dev.latchkey.system.RateLimits;

import org.springframework.stereotype.Component;

/**
 * Slows down clients that send bad tokens: each client address may cause
 * {@code refusals-per-window} refused token authentications per window, counted across
 * every instance; beyond that its refused tokens are answered 429 with
 * {@code Retry-After} instead of 401. Only refusals are judged: a token that verifies is
 * served whatever its address has sent before.
 */
@Component
class RefusalLimit {

	private final RateLimit limit;

	RefusalLimit(AuthSettings settings, RateLimits limits) {
		this.limit = limits.define("token-refusals", settings.refusalsPerWindow(), settings.refusalWindow());
	}

	/**
	 * Counts a refused token from the address.
	 * @return how long the address should wait, if it is now over its limit
	 */
	Optional<Duration> refused(String clientIp) {
		return this.limit.acquire(clientIp);
	}

}
