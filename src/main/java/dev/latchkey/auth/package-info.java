/**
 * Authentication of API calls: the Spring Security filter chain for {@code /api/**},
 * built on its resource-server support (a bearer-token resolver that also reads the
 * {@code token} header, an authentication manager for Latchkey's opaque tokens, RFC 6750
 * challenges with problem-details bodies); {@link dev.latchkey.auth.TokenGate}, the one
 * check every door uses; exactly one credential per request; forward auth for proxies;
 * aggregated auditing of refusals and the refusal limit; and {@code GET /api/v1/me}.
 */
@NullMarked
package dev.latchkey.auth;

import org.jspecify.annotations.NullMarked;
