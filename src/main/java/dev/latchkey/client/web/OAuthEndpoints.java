package dev.latchkey.client.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.latchkey.auth.Audience;
import dev.latchkey.auth.BearerTokens;
import dev.latchkey.auth.TokenGate;
import dev.latchkey.client.ClientManagement;
import dev.latchkey.client.ResourceClient;
import dev.latchkey.system.Actor;
import dev.latchkey.token.AllowedAddresses;
import dev.latchkey.token.StatusReason;
import dev.latchkey.token.TokenCredential;
import dev.latchkey.token.TokenManagement;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 7662 token introspection and RFC 7009 token revocation for resource servers.
 * Clients authenticate with HTTP Basic ({@code client_secret_basic}) or form fields
 * ({@code client_secret_post}) and see only their own organisation's tokens; anything
 * that is not an active token of that organisation answers {@code {"active": false}} and
 * nothing more.
 */
@RestController
class OAuthEndpoints {

	private final ClientManagement clients;

	private final TokenGate gate;

	private final TokenManagement tokens;

	OAuthEndpoints(ClientManagement clients, TokenGate gate, TokenManagement tokens) {
		this.clients = clients;
		this.gate = gate;
		this.tokens = tokens;
	}

	@Operation(summary = "RFC 7662 token introspection, for registered resource-server clients",
			description = "Client authentication with HTTP Basic (client_secret_basic) or client_id and client_secret "
					+ "form fields. Only an active token of the client's organisation answers active=true. Send the "
					+ "caller's address as client_address: a token with an IP allowlist is active only when it is "
					+ "given and allowed. 'scope' lists the token's scopes, separated by spaces.",
			responses = {
					@ApiResponse(responseCode = "200", description = "the token's state",
							content = @Content(mediaType = "application/json",
									examples = {
											@ExampleObject(name = "active",
													value = """
															{"active":true,"sub":"alice","username":"alice","org":"acme",
															 "token_id":"6f1c2a9e-1b7e-4d3a-9c55-0a4f7e2b8c11","token_type":"Bearer","scope":"read_api",
															 "client_id":"lkc_3hQ9xY2mN8bV5cL1kP0r","role":"ORG_ADMIN",
															 "exp":1795600814,"iat":1764064814}"""),
											@ExampleObject(name = "anything else", value = "{\"active\":false}") })),
					@ApiResponse(responseCode = "401", description = "client authentication failed",
							content = @Content(mediaType = "application/json", examples = @ExampleObject(
									value = "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed: unknown client, wrong secret or disabled client.\"}"))) })
	@PostMapping(path = "/oauth2/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> introspect(@RequestParam MultiValueMap<String, String> form,
			HttpServletRequest request) {
		Optional<ResourceClient> client = authenticate(form, request);
		if (client.isEmpty()) {
			return invalidClient();
		}
		String token = form.getFirst("token");
		if (token == null || token.isBlank()) {
			return error(400, "invalid_request", "The 'token' parameter is required.");
		}
		String clientAddress = form.getFirst("client_address");
		if (clientAddress != null && !AllowedAddresses.isAddress(clientAddress)) {
			return error(400, "invalid_request", "'client_address' must be the IPv4 or IPv6 address of the caller.");
		}
		// A refusal is audited and counted toward the resource server's refusal limit
		// like
		// any other, but answered as RFC 7662 says: the resource server asks for its
		// callers, and is not the one sending bad tokens. A token's allowlist judges the
		// caller's address, which only the resource server knows.
		TokenGate.Outcome outcome = this.gate.check(token, request.getRemoteAddr(), clientAddress,
				Audience.organisation(client.get().organisationId()));
		return switch (outcome) {
			case TokenGate.Accepted accepted -> answer(active(accepted.credential(), client.get()));
			case TokenGate.Refused refused -> answer(Map.of("active", false));
			case TokenGate.Unavailable unavailable -> unavailable();
		};
	}

	private static Map<String, Object> active(TokenCredential credential, ResourceClient client) {
		Map<String, Object> active = new LinkedHashMap<>();
		active.put("active", true);
		active.put("sub", credential.username());
		active.put("username", credential.username());
		active.put("org", credential.organisationName());
		active.put("token_id", credential.tokenId().toString());
		active.put("token_type", "Bearer");
		active.put("scope", credential.scopes().serialised());
		active.put("client_id", client.clientId());
		active.put("role", credential.role().name());
		active.put("exp", credential.expiresAt().getEpochSecond());
		active.put("iat", credential.createdAt().getEpochSecond());
		return active;
	}

	@Operation(summary = "RFC 7009 token revocation, by a client of the token's organisation or by the token itself",
			description = "Answers 200 whether or not the token existed. A token revokes itself by presenting itself "
					+ "as 'Authorization: Bearer' and as the 'token' form field.")
	@PostMapping(path = "/oauth2/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> revoke(@RequestParam MultiValueMap<String, String> form,
			HttpServletRequest request) {
		String token = form.getFirst("token");
		if (token == null || token.isBlank()) {
			return error(400, "invalid_request", "The 'token' parameter is required.");
		}
		Optional<ResourceClient> client = authenticate(form, request);
		if (client.isPresent()) {
			Actor actor = Actor.client(client.get().clientId(), client.get().organisationId(), request.getRemoteAddr());
			this.tokens.revokeByValue(actor, client.get().organisationId(), token, StatusReason.REVOKED_BY_ADMIN);
			return answer(Map.of());
		}
		if (token.equals(BearerTokens.fromAuthorization(request))) {
			return revokeItself(token, request);
		}
		return invalidClient();
	}

	/** A token may revoke itself, presenting itself as the credential. */
	private ResponseEntity<Map<String, Object>> revokeItself(String token, HttpServletRequest request) {
		TokenGate.Outcome outcome = this.gate.check(token, request.getRemoteAddr(), Audience.anyOrganisation());
		return switch (outcome) {
			case TokenGate.Accepted accepted -> revokeItself(token, accepted.credential(), request);
			case TokenGate.Refused refused ->
				refused.throttled().map(OAuthEndpoints::tooManyRefusals).orElse(answer(Map.of()));
			case TokenGate.Unavailable unavailable -> unavailable();
		};
	}

	private ResponseEntity<Map<String, Object>> revokeItself(String token, TokenCredential credential,
			HttpServletRequest request) {
		Actor owner = Actor.user(credential.ownerId(), credential.username(), credential.organisationId(),
				credential.role(), request.getRemoteAddr());
		this.tokens.revokeByValue(owner, credential.organisationId(), token, StatusReason.REVOKED_BY_OWNER);
		return answer(Map.of());
	}

	private Optional<ResourceClient> authenticate(MultiValueMap<String, String> form, HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String[] pair = decodeBasic(authorization.substring(6).strip());
			return (pair != null) ? this.clients.authenticate(pair[0], pair[1]) : Optional.empty();
		}
		String clientId = form.getFirst("client_id");
		String secret = form.getFirst("client_secret");
		if (clientId == null || secret == null) {
			return Optional.empty();
		}
		return this.clients.authenticate(clientId, secret);
	}

	/** RFC 6749 §2.3.1: both parts are form-URL-encoded before Base64. */
	private static String @Nullable [] decodeBasic(String encoded) {
		try {
			String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return null;
			}
			return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

	private static ResponseEntity<Map<String, Object>> invalidClient() {
		return ResponseEntity.status(401)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"latchkey\"")
			.cacheControl(CacheControl.noStore())
			.body(Map.of("error", "invalid_client", "error_description",
					"Client authentication failed: unknown client, wrong secret or disabled client."));
	}

	private static ResponseEntity<Map<String, Object>> tooManyRefusals(Duration retryAfter) {
		return ResponseEntity.status(429)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
			.cacheControl(CacheControl.noStore())
			.body(Map.of("error", "too_many_requests", "error_description",
					"Too many refused tokens from this address. Retry later."));
	}

	private static ResponseEntity<Map<String, Object>> unavailable() {
		return ResponseEntity.status(503)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.cacheControl(CacheControl.noStore())
			.body(Map.of("error", "temporarily_unavailable", "error_description",
					"Tokens cannot be checked right now. Retry in a few seconds."));
	}

	private static ResponseEntity<Map<String, Object>> error(int status, String error, String description) {
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.body(Map.of("error", error, "error_description", description));
	}

}
