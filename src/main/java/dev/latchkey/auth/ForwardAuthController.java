package dev.latchkey.auth;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;

import dev.latchkey.token.TokenCredential;
import dev.latchkey.token.TokenVerification;
import dev.latchkey.token.Verification;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forward authentication for reverse proxies (nginx {@code auth_request}, Traefik
 * ForwardAuth, Envoy's HTTP external authorization): the proxy forwards the client's
 * headers, and Latchkey answers 200 with headers naming the user, organisation and token,
 * or 401 with the Bearer challenge. The proxy copies the headers to the upstream and
 * drops the token.
 */
@RestController
class ForwardAuthController {

	static final String USER = "X-Latchkey-User";

	static final String USER_ID = "X-Latchkey-User-Id";

	static final String ROLE = "X-Latchkey-Role";

	static final String ORGANISATION = "X-Latchkey-Organisation";

	static final String ORGANISATION_ID = "X-Latchkey-Organisation-Id";

	static final String TOKEN_ID = "X-Latchkey-Token-Id";

	private final TokenVerification verification;

	private final RefusedAuthentications refusals;

	private final RefusalLimit limit;

	ForwardAuthController(TokenVerification verification, RefusedAuthentications refusals, RefusalLimit limit) {
		this.verification = verification;
		this.refusals = refusals;
		this.limit = limit;
	}

	@Operation(summary = "Forward authentication for reverse proxies (nginx auth_request, Traefik, Envoy)",
			description = "Reads the token from the forwarded Authorization: Bearer or token header. 200 with "
					+ "X-Latchkey-User, X-Latchkey-User-Id, X-Latchkey-Role, X-Latchkey-Organisation, "
					+ "X-Latchkey-Organisation-Id and X-Latchkey-Token-Id; 401 with the Bearer challenge.")
	@RequestMapping({ "/auth/verify", "/auth/verify/**" })
	void verify(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String bearer = BearerTokens.fromAuthorization(request);
		String presented = (bearer != null) ? bearer : BearerTokens.fromTokenHeader(request);
		if (presented == null) {
			Challenges.authenticationRequired(response);
			return;
		}
		var blocked = this.limit.blocked(request.getRemoteAddr());
		if (blocked.isPresent()) {
			Challenges.tooManyRefusals(response, blocked.get());
			return;
		}
		Verification result;
		try {
			result = this.verification.verify(presented, request.getRemoteAddr());
		}
		catch (DataAccessException ex) {
			Challenges.unavailable(response);
			return;
		}
		TokenCredential credential = result.credential();
		if (!result.isAccepted() || credential == null) {
			this.refusals.record(result, request.getRemoteAddr());
			Challenges.invalidToken(response);
			return;
		}
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
