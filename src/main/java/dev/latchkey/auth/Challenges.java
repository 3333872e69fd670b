package dev.latchkey.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.latchkey.system.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * Writes the RFC 6750 challenges as problem details. Every refused token gets exactly the
 * same status, header and body, so a caller cannot tell an unknown token from a revoked
 * one.
 */
final class Challenges {

	private Challenges() {
	}

	static void authenticationRequired(HttpServletResponse response) throws IOException {
		write(response, 401, "Bearer realm=\"latchkey\"", "authentication-required", "Authentication required",
				"Send an API token as 'Authorization: Bearer <token>'.");
	}

	static void invalidToken(HttpServletResponse response) throws IOException {
		write(response, 401, "Bearer realm=\"latchkey\", error=\"invalid_token\"", "invalid-token", "Invalid token",
				"The token is not valid. It may be mistyped, revoked or expired, or its owner may no longer use it.");
	}

	/**
	 * A refused token: 401, or 429 once its address has sent more refused tokens than its
	 * window allows.
	 */
	static void refused(HttpServletResponse response, TokenGate.Refused refusal) throws IOException {
		if (refusal.throttled().isPresent()) {
			tooManyRefusals(response, refusal.throttled().get());
		}
		else {
			invalidToken(response);
		}
	}

	static void invalidRequest(HttpServletResponse response, String detail) throws IOException {
		write(response, 400, "Bearer realm=\"latchkey\", error=\"invalid_request\"", "invalid-token-request",
				"Invalid token request", detail);
	}

	static void tooManyRefusals(HttpServletResponse response, Duration retryAfter) throws IOException {
		long seconds = Math.max(1, retryAfter.toSeconds());
		response.setHeader("Retry-After", Long.toString(seconds));
		write(response, 429, null, "too-many-requests", "Too many requests",
				"Too many refused tokens from this address. Retry after " + seconds + " seconds.");
	}

	/**
	 * Fail closed when tokens cannot be checked: 503, never 401 (the token may be fine)
	 * nor 200.
	 */
	static void unavailable(HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "5");
		write(response, 503, null, "service-unavailable", "Service unavailable",
				"Tokens cannot be checked right now. Retry in a few seconds.");
	}

	static void tooLarge(HttpServletResponse response, long limit) throws IOException {
		write(response, 413, null, "request-too-large", "Request too large",
				"The request body is larger than " + limit + " bytes.");
	}

	private static void write(HttpServletResponse response, int status, @Nullable String challenge, String type,
			String title, String detail) throws IOException {
		response.setStatus(status);
		if (challenge != null) {
			response.setHeader("WWW-Authenticate", challenge);
		}
		// Some of these answers are written before Spring Security's header writer runs.
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", ApiSecurityConfiguration.API_CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		response.getWriter()
			.write("{\"type\":\"" + ProblemType.uri(type) + "\",\"title\":\"" + title + "\",\"status\":" + status
					+ ",\"detail\":\"" + detail + "\"}");
	}

}
