/**
 * Personal API tokens: the {@link dev.latchkey.token.ApiToken} aggregate and its life
 * cycle (create under the per-license limit, revoke, re-approve, delete, expire), the
 * token format ({@link dev.latchkey.token.TokenFormat}), verification of presented tokens
 * ({@link dev.latchkey.token.TokenVerification}) and last-used tracking.
 */
@NullMarked
package dev.latchkey.token;

import org.jspecify.annotations.NullMarked;
