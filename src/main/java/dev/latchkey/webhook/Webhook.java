package dev.latchkey.webhook;

import java.time.Instant;
import java.util.UUID;

import dev.latchkey.system.OrganisationId;
import dev.latchkey.token.TokenEvent;

/**
 * An endpoint of an organisation that receives its token events. The signing secret stays
 * inside this module: only {@link CreatedWebhook} hands it out, once.
 *
 * @param id the webhook
 * @param organisationId its organisation
 * @param url where deliveries are POSTed
 * @param events what it receives
 * @param createdBy who created it (a user id or {@code operator})
 * @param createdAt when
 */
public record Webhook(UUID id, OrganisationId organisationId, String url, WebhookEvents events, String createdBy,
		Instant createdAt) {

	private static final int NAME_LENGTH = 300;

	/**
	 * Whether this webhook is told of the event: one it subscribes to, of its
	 * organisation, that happened once it existed (the registry may hand over an older
	 * event late, after a restart or from a busy executor).
	 */
	public boolean hears(TokenEvent event) {
		return this.organisationId.equals(event.token().organisationId()) && this.events.includes(event.type())
				&& !event.occurredAt().isBefore(this.createdAt);
	}

	/**
	 * The URL as the audit trail names the webhook: without its query (where a receiver
	 * may expect a key of its own) and at most 300 characters.
	 */
	public String name() {
		int query = this.url.indexOf('?');
		String name = (query >= 0) ? this.url.substring(0, query) : this.url;
		return (name.length() > NAME_LENGTH) ? name.substring(0, NAME_LENGTH) + "…" : name;
	}

}
