/**
 * The web console (SPEC §6): server-rendered pages for signing in and out and for an
 * organisation's administrators to manage API tokens, the resource servers that check
 * them (API clients), users, the audit trail and the organisation's policies. A client of
 * the same use cases as the HTTP API, with its own session-based filter chain; nothing
 * depends on it.
 */
@NullMarked
package dev.latchkey.console;

import org.jspecify.annotations.NullMarked;
