package dev.latchkey.auth;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;

import dev.latchkey.token.TokenCredential;
import io.swagger.v3.oas.annotations.Parameter;
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

	private final TokenGate gate;

	ForwardAuthController(TokenGate gate) {
		this.gate = gate;
	}

	@Operation(summary = "Forward authentication for reverse proxies (nginx auth_request, Traefik, Envoy)",
			description = "Bound to the organisation whose API it protects: ?organisation=<name> is required (400 "
					+ "without it), and a token of any other organisation is refused like an unknown one. Reads the "
					+ "token from the forwarded Authorization: Bearer or token header. 200 with X-Latchkey-User, "
					+ "X-Latchkey-User-Id, X-Latchkey-Role, X-Latchkey-Organisation, X-Latchkey-Organisation-Id and "
					+ "X-Latchkey-Token-Id; 401 with the Bearer challenge; 429 with Retry-After for a refused token "
					+ "from an address that has sent too many.")
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
		String presented = BearerTokens.from(request);
		if (presented == null) {
			Challenges.authenticationRequired(response);
			return;
		}
		TokenGate.Outcome outcome = this.gate.check(presented, request.getRemoteAddr(),
				Audience.organisationNamed(organisation));
		switch (outcome) {
			case TokenGate.Accepted accepted -> admit(accepted.credential(), response);
			case TokenGate.Refused refused -> Challenges.refused(response, refused);
			case TokenGate.Unavailable unavailable -> Challenges.unavailable(response);
		}
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
	}

}
