package dev.latchkey.webhook;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event on its way to one webhook, and how its last attempt went.
 *
 * @param id the delivery id, sent as {@code X-Latchkey-Delivery} and as {@code id} in the
 * body
 * @param webhookId the webhook
 * @param eventType the event's name, e.g. {@code token.revoked}
 * @param body the JSON body, exactly the bytes that are signed and sent
 * @param createdAt when the delivery was created
 * @param attempts attempts made so far
 * @param nextAttemptAt when the next attempt is due (meaningless unless pending)
 * @param state where it is
 * @param lastStatusCode the HTTP status of the last attempt, if one answered
 * @param lastDurationMs how long the last attempt took
 * @param lastError why the last attempt failed, short and without secrets
 * @param deliveredAt when a 2xx answer came
 */
public record WebhookDelivery(UUID id, UUID webhookId, String eventType, String body, Instant createdAt, int attempts,
		Instant nextAttemptAt, DeliveryState state, @Nullable Integer lastStatusCode, @Nullable Long lastDurationMs,
		@Nullable String lastError, @Nullable Instant deliveredAt) {

	static WebhookDelivery pending(UUID id, UUID webhookId, String eventType, String body, Instant now) {
		return new WebhookDelivery(id, webhookId, eventType, body, now, 0, now, DeliveryState.PENDING, null, null, null,
				null);
	}

}
