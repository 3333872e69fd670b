package dev.latchkey.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/**
 * Writes the RFC 6750 challenges as problem details. Every refused token gets exactly the
 * same status, header and body, so a caller cannot tell an unknown token from a revoked
 * one.
 */
final class Challenges {

	private static final String BASE = "https://latchkey.dev/problems/";

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

	static void invalidRequest(HttpServletResponse response, String detail) throws IOException {
		write(response, 400, "Bearer realm=\"latchkey\", error=\"invalid_request\"", "invalid-token-request",
				"Invalid token request", detail);
	}

	private static void write(HttpServletResponse response, int status, String challenge, String type, String title,
			String detail) throws IOException {
		response.setStatus(status);
		response.setHeader("WWW-Authenticate", challenge);
		response.setHeader("Cache-Control", "no-store");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		response.getWriter()
			.write("{\"type\":\"" + BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
					+ ",\"detail\":\"" + detail + "\"}");
	}

}
