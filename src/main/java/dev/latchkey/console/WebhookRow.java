package dev.latchkey.console;

import java.util.List;

import dev.latchkey.webhook.Webhook;

/**
 * One row of the Webhooks table: the webhook, who created it, its delivery log and the
 * delete action.
 */
record WebhookRow(String id, String url, List<String> events, boolean allEvents, String created, String createdIso,
		String createdBy, String log, Confirmation delete) {

	static final String LIST = "/admin/webhooks";

	static WebhookRow of(Webhook webhook, String createdBy) {
		return new WebhookRow(webhook.id().toString(), webhook.url(), webhook.events().list(), webhook.events().all(),
				Texts.dateTime(webhook.createdAt()), webhook.createdAt().toString(), createdBy,
				LIST + "/" + webhook.id(), delete(webhook));
	}

	static Confirmation delete(Webhook webhook) {
		return Confirmation.of(LIST + "/" + webhook.id(), "delete", "Delete",
				"Delete webhook “" + webhook.name() + "”?",
				"Nothing more is sent to this URL, deliveries still waiting are dropped, and its delivery log is "
						+ "deleted. Its signing secret cannot be brought back.",
				true, LIST);
	}

}
