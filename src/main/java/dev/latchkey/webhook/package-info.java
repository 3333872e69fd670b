/**
 * Webhooks (SPEC §9): an organisation's admins register https endpoints; every token
 * event of the organisation becomes one stored delivery per matching webhook, which a
 * background job POSTs signed with the webhook's secret ({@code X-Latchkey-Signature}),
 * retrying with backoff for up to 24 hours. Destinations must be public https addresses
 * ({@link dev.latchkey.webhook.Destinations}) unless the installation allows otherwise.
 */
@NullMarked
package dev.latchkey.webhook;

import org.jspecify.annotations.NullMarked;
