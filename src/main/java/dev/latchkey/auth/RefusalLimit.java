package dev.latchkey.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.latchkey.system.RateLimiter;

import org.springframework.stereotype.Component;

/**
 * Slows down token guessing: each client address may cause {@code refusals-per-window}
 * refused token authentications per window; after that, its token requests are answered
 * 429 with {@code Retry-After}, before any verification, until the window ends. Clients
 * behind one NAT share the budget (an accepted cost, see docs/security.md).
 */
@Component
class RefusalLimit {

	private final RateLimiter limiter;

	RefusalLimit(AuthSettings settings, Clock clock) {
		this.limiter = new RateLimiter(settings.refusalsPerWindow(), settings.refusalWindow(), 100_000, clock);
	}

	Optional<Duration> blocked(String clientIp) {
		return this.limiter.exhausted(clientIp);
	}

	void refused(String clientIp) {
		this.limiter.acquire(clientIp);
	}

}
