package dev.latchkey.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.latchkey.system.ProblemType;
import dev.latchkey.token.Scope;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Writes the RFC 6750 challenges as problem details. Every refused token gets exactly the
 * same status, header and body, so a caller cannot tell an unknown token from a revoked
 * one. The API's filter chain lets Spring Security's bearer-token classes write the
 * status and header and adds the body here ({@link ApiChallenges}); the doors outside it
 * (forward auth, the servlet filters that run before any chain) write whole answers here.
 */
final class Challenges {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AUTHENTICATION_REQUIRED = "Send an API token as 'Authorization: Bearer <token>'.";

	private static final String INVALID_TOKEN = "The token is not valid. It may be mistyped, revoked or expired, or its "
			+ "owner may no longer use it.";

	private Challenges() {
	}

	static final String REALM = "latchkey";

	static void authenticationRequired(HttpServletResponse response) throws IOException {
		write(response, 401, "Bearer realm=\"" + REALM + "\"", "authentication-required", "Authentication required",
				AUTHENTICATION_REQUIRED);
	}

	static void invalidToken(HttpServletResponse response) throws IOException {
		write(response, 401, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"", "invalid-token",
				"Invalid token", INVALID_TOKEN);
	}

	/**
	 * The body of a 401 whose status and {@code WWW-Authenticate} Spring Security's
	 * {@code BearerTokenAuthenticationEntryPoint} has written.
	 */
	static void authenticationRequiredBody(HttpServletResponse response) throws IOException {
		write(response, 401, null, "authentication-required", "Authentication required", AUTHENTICATION_REQUIRED);
	}

	/** Likewise, for a refused token: the same body whatever the reason. */
	static void invalidTokenBody(HttpServletResponse response) throws IOException {
		write(response, 401, null, "invalid-token", "Invalid token", INVALID_TOKEN);
	}

	/** Likewise, after {@code BearerTokenAccessDeniedHandler}. */
	static void forbiddenBody(HttpServletResponse response) throws IOException {
		write(response, 403, null, "forbidden", "Forbidden", "This token may not do that.");
	}

	/**
	 * A valid token whose scopes do not allow the request (RFC 6750 §3.1): 403, naming
	 * the scopes that would.
	 */
	static void insufficientScope(HttpServletResponse response, Collection<Scope> required) throws IOException {
		String scopes = required.stream().map(Scope::name).collect(Collectors.joining(" "));
		write(response, 403,
				"Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", error_description=\"The token's scopes "
						+ "do not allow this request.\", scope=\"" + scopes + "\"",
				"insufficient-scope", "Insufficient scope", "This request needs a token with the scope '" + scopes + "'"
						+ (scopes.equals("api") ? " (or 'read_api' for GET, HEAD and OPTIONS)." : "."));
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
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemType.uri(type));
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		JSON.writeValue(response.getWriter(), problem);
	}

}
