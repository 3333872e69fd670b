package dev.latchkey.token.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.latchkey.system.Actor;
import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;
import dev.latchkey.system.RateLimit;
import dev.latchkey.system.RateLimits;
import dev.latchkey.token.LeakSettings;
import dev.latchkey.token.TokenManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leak reports, in the shape secret scanners send: a JSON array of {@code {"token",
 * "type", "url", "source"}}. Unauthenticated (a scanner has no account) and rate-limited
 * per client IP. Every reported token that is one of ours is revoked as leaked; the
 * answer is the same whether any matched.
 */
@RestController
class LeakController {

	private static final ProblemType TOO_MANY = new ProblemType("too-many-requests", 429, "Too many requests");

	private final TokenManagement tokens;

	private final LeakSettings settings;

	private final RateLimit limiter;

	LeakController(TokenManagement tokens, LeakSettings settings, RateLimits limits) {
		this.tokens = tokens;
		this.settings = settings;
		this.limiter = limits.define("leak-reports", settings.reportsPerWindow(), settings.window());
	}

	@Operation(summary = "Report leaked tokens (secret scanners); unauthenticated and rate-limited",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json",
					examples = @ExampleObject(
							value = """
									[{"token":"lkp_…","type":"latchkey_token","url":"https://example.org/commit/1","source":"commit"}]"""))),
			responses = @ApiResponse(responseCode = "202", description = "the same answer whether any string matched",
					content = @Content(mediaType = "application/json",
							examples = @ExampleObject(value = "{\"received\":1}"))))
	@PostMapping("/api/v1/leaks")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Integer> report(@RequestBody List<@Valid @NotNull LeakedToken> report, HttpServletRequest request) {
		Optional<Duration> retryAfter = this.limiter.acquire(request.getRemoteAddr());
		if (retryAfter.isPresent()) {
			throw new TooManyReports(retryAfter.get());
		}
		if (report.contains(null)) {
			throw new InvalidRequest("Every entry of a report is an object with a 'token'.");
		}
		if (report.size() > this.settings.maxTokensPerReport()) {
			throw new InvalidRequest("A report holds at most " + this.settings.maxTokensPerReport() + " tokens.");
		}
		Actor reporter = new Actor(Actor.Kind.ANONYMOUS, null, "leak-report", null, null, request.getRemoteAddr());
		this.tokens.revokeLeaked(report.stream().map(LeakedToken::token).toList(), reporter);
		return Map.of("received", report.size());
	}

	record LeakedToken(@NotNull @Size(max = 200) String token, @Nullable @Size(max = 100) String type,
			@Nullable @Size(max = 2000) String url, @Nullable @Size(max = 100) String source) {

		@Override
		public String toString() {
			return "LeakedToken[source=" + this.source + "]";
		}

	}

	/** The client sent more reports than its window allows. */
	static class TooManyReports extends ProblemException {

		private final Duration retryAfter;

		TooManyReports(Duration retryAfter) {
			super(TOO_MANY, "Too many leak reports from this address. Retry after "
					+ Math.max(1, retryAfter.toSeconds()) + " seconds.");
			this.retryAfter = retryAfter;
		}

		@Override
		public Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
