package dev.latchkey.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.latchkey.token.TokenEvent;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns each token event into one pending delivery per webhook of the token's
 * organisation that subscribes to it ({@link Webhook#hears}). Runs after the token's
 * transaction committed, in its own, through Spring Modulith's publication registry: an
 * event is handed over at least once, also after a crash, and stored once per webhook
 * ({@link DeliveryBody#deliveryId}). Sending is the {@link WebhookSender}'s job, never
 * this one's.
 */
@Component
class WebhookOutbox {

	private final Webhooks webhooks;

	private final WebhookDeliveries deliveries;

	private final Clock clock;

	WebhookOutbox(Webhooks webhooks, WebhookDeliveries deliveries, Clock clock) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(TokenEvent event) {
		Instant now = this.clock.instant();
		for (Webhook webhook : this.webhooks.findByOrganisation(event.token().organisationId())) {
			if (webhook.hears(event)) {
				UUID id = DeliveryBody.deliveryId(webhook.id(), event);
				this.deliveries.insertOnce(
						WebhookDelivery.pending(id, webhook.id(), event.type(), DeliveryBody.of(id, event), now));
			}
		}
	}

}
