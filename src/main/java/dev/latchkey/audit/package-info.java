/**
 * The audit trail: an append-only record of every change to tokens, users and policies,
 * every login and logout and (aggregated) every refused token authentication, with actor,
 * target, organisation, time and client IP. Admins read their organisation's trail
 * through {@code GET /api/v1/audit-events}.
 */
@NullMarked
package dev.latchkey.audit;

import org.jspecify.annotations.NullMarked;
