package dev.latchkey.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Where an API call carries its token, for Spring Security's bearer-token filter:
 * {@code Authorization: Bearer} (RFC 6750) or the modelled product's {@code token}
 * header. Unlike the framework's default resolver it also takes the {@code token} header,
 * and it hands any non-empty value on, so that a malformed token is refused, audited and
 * counted like every other bad one. Tokens in a query or form never get here
 * ({@link TokenInUrlFilter}), nor do requests with two credentials
 * ({@link SingleCredentialFilter}).
 */
final class ApiTokenResolver implements BearerTokenResolver {

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		return BearerTokens.from(request);
	}

}
