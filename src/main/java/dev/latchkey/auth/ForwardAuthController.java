package dev.latchkey.auth;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.latchkey.token.Scope;
import dev.latchkey.token.TokenCredential;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forward authentication for reverse proxies (nginx {@code auth_request}, Traefik
 * ForwardAuth, Envoy's HTTP external authorization): the proxy forwards the client's
 * headers and names the organisation whose API it protects, and Latchkey answers 200 with
 * headers naming the user, organisation and token, or 401 with the Bearer challenge. A
 * token of another organisation is refused like an unknown one (SPEC §10). The proxy
 * copies the headers to the upstream and drops the token.
 */
@RestController
class ForwardAuthController {

	static final String USER = "X-Latchkey-User";

	static final String USER_ID = "X-Latchkey-User-Id";

	static final String ROLE = "X-Latchkey-Role";

	static final String ORGANISATION = "X-Latchkey-Organisation";

	static final String ORGANISATION_ID = "X-Latchkey-Organisation-Id";

	static final String TOKEN_ID = "X-Latchkey-Token-Id";

	static final String SCOPES = "X-Latchkey-Scopes";

	/** The original request's method, as Traefik sends it. */
	static final String FORWARDED_METHOD = "X-Forwarded-Method";

	/** The original request's method, as nginx examples send it. */
	static final String ORIGINAL_METHOD = "X-Original-Method";

	private final TokenGate gate;

	ForwardAuthController(TokenGate gate) {
		this.gate = gate;
	}

	@Operation(summary = "Forward authentication for reverse proxies (nginx auth_request, Traefik, Envoy)",
			description = "Bound to the organisation whose API it protects: ?organisation=<name> is required (400 "
					+ "without it), and a token of any other organisation is refused like an unknown one. Reads the "
					+ "token from the forwarded Authorization: Bearer or token header. 200 with X-Latchkey-User, "
					+ "X-Latchkey-User-Id, X-Latchkey-Role, X-Latchkey-Organisation, X-Latchkey-Organisation-Id and "
					+ "X-Latchkey-Token-Id and X-Latchkey-Scopes; 401 with the Bearer challenge; 403 with "
					+ "error=\"insufficient_scope\" when the token lacks a required scope; 429 with Retry-After for a "
					+ "refused token from an address that has sent too many. Every scope parameter is required; none "
					+ "means 'api'. read_api satisfies 'api' and 'read_api' only when the proxy forwards a safe original "
					+ "method (GET, HEAD, OPTIONS) as X-Forwarded-Method or X-Original-Method.")
	// The scopes are read from the request itself: bound to a List, one value would be
	// split at commas and an empty one would become no scope at all (that is, api).
	@Parameter(name = "scope", in = ParameterIn.QUERY,
			description = "a scope the protected location requires; repeat for several (all are required); none "
					+ "means 'api'",
			array = @ArraySchema(schema = @Schema(type = "string", pattern = "^[a-z][a-z0-9_.:-]{0,63}$")))
	@RequestMapping({ "/auth/verify", "/auth/verify/**" })
	void verify(@Parameter(description = "the name of the organisation whose API the proxy protects",
			required = true) @RequestParam(name = "organisation", required = false) @Nullable String organisation,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (organisation == null || organisation.isBlank()) {
			Challenges.invalidRequest(response, "Name the organisation whose API this protects: "
					+ "/auth/verify?organisation=<name>. Without it, every organisation's tokens would get in.");
			return;
		}
		if (request.getParameterValues("organisation").length > 1) {
			// A proxy that appends the client's query string must not let the client
			// choose.
			Challenges.invalidRequest(response, "Name exactly one organisation.");
			return;
		}
		List<Scope> required = requiredScopes(request.getParameterValues("scope"));
		if (required == null) {
			Challenges.invalidRequest(response, "A 'scope' parameter is not a scope name: a lowercase letter followed "
					+ "by at most 63 lowercase letters, digits or '_', '.', ':', '-'.");
			return;
		}
		OriginalMethod method = OriginalMethod.of(request);
		if (method.isAmbiguous()) {
			Challenges.invalidRequest(response, "The original method is given more than once, or differently in "
					+ FORWARDED_METHOD + " and " + ORIGINAL_METHOD + ".");
			return;
		}
		String presented = BearerTokens.from(request);
		if (presented == null) {
			Challenges.authenticationRequired(response);
			return;
		}
		TokenGate.Outcome outcome = this.gate.check(presented, request.getRemoteAddr(),
				Audience.organisationNamed(organisation));
		switch (outcome) {
			case TokenGate.Accepted accepted -> {
				if (accepted.credential().scopes().permits(required, SafeMethods.isSafe(method.value()))) {
					admit(accepted.credential(), response);
				}
				else {
					Challenges.insufficientScope(response, required);
				}
			}
			case TokenGate.Refused refused -> Challenges.refused(response, refused);
			case TokenGate.Unavailable unavailable -> Challenges.unavailable(response);
		}
	}

	/**
	 * The scopes a location requires: those named, or {@code api}; null if one is
	 * malformed.
	 */
	private static @Nullable List<Scope> requiredScopes(String @Nullable [] names) {
		if (names == null || names.length == 0) {
			return ApiScopeAuthorization.REQUIRED;
		}
		List<Scope> required = new ArrayList<>();
		for (String name : names) {
			if (!Scope.isWellFormed(name)) {
				return null;
			}
			required.add(new Scope(name));
		}
		return required;
	}

	private static void admit(TokenCredential credential, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader(USER, credential.username());
		response.setHeader(USER_ID, credential.ownerId().toString());
		response.setHeader(ROLE, credential.role().name());
		response.setHeader(ORGANISATION, credential.organisationName());
		response.setHeader(ORGANISATION_ID, credential.organisationId().toString());
		response.setHeader(TOKEN_ID, credential.tokenId().toString());
		response.setHeader(SCOPES, credential.scopes().serialised());
	}

	/**
	 * The method of the request the proxy asks about. A client may send either header
	 * itself, and a proxy may set only one of them, so a second value, or two headers
	 * that disagree, is refused rather than guessed at. No header: no method, which is
	 * never safe.
	 */
	private record OriginalMethod(@Nullable String value, boolean isAmbiguous) {

		static OriginalMethod of(HttpServletRequest request) {
			List<String> forwarded = Collections.list(request.getHeaders(FORWARDED_METHOD));
			List<String> original = Collections.list(request.getHeaders(ORIGINAL_METHOD));
			if (forwarded.size() > 1 || original.size() > 1) {
				return new OriginalMethod(null, true);
			}
			String one = forwarded.isEmpty() ? null : forwarded.get(0).strip();
			String other = original.isEmpty() ? null : original.get(0).strip();
			if (one != null && other != null && !one.equals(other)) {
				return new OriginalMethod(null, true);
			}
			return new OriginalMethod((one != null) ? one : other, false);
		}

	}

}
