/**
 * Authentication of API calls: the Spring Security filter chain for {@code /api/**} that
 * reads a token from {@code Authorization: Bearer} or the {@code token} header, the
 * {@link org.springframework.security.authentication.AuthenticationProvider} that
 * verifies it, RFC 6750 challenges, aggregated auditing of refusals, and
 * {@code GET /api/v1/me}.
 */
@NullMarked
package dev.latchkey.auth;

import org.jspecify.annotations.NullMarked;
