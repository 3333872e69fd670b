package dev.latchkey.webhook;

/**
 * A webhook just created, with its signing secret: the only time the secret leaves
 * Latchkey.
 *
 * @param webhook the webhook
 * @param secret its signing secret
 */
public record CreatedWebhook(Webhook webhook, String secret) {

	@Override
	public String toString() {
		return "CreatedWebhook[" + this.webhook.id() + "]";
	}

}
