package dev.latchkey.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.latchkey.webhook.DeliveryState;
import dev.latchkey.webhook.WebhookDelivery;
import org.jspecify.annotations.Nullable;

/**
 * One row of a webhook's delivery log.
 */
record DeliveryRow(String id, String shortId, String time, String timeIso, String event, int attempts, String state,
		String stateClass, String statusCode, String duration, String nextAttempt, String error) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	static DeliveryRow of(WebhookDelivery delivery) {
		boolean pending = delivery.state() == DeliveryState.PENDING;
		return new DeliveryRow(delivery.id().toString(), delivery.id().toString().substring(0, 8) + "…",
				TIME.format(delivery.createdAt()), delivery.createdAt().toString(), delivery.eventType(),
				delivery.attempts(), state(delivery.state()), stateClass(delivery.state()),
				(delivery.lastStatusCode() != null) ? delivery.lastStatusCode().toString() : "—",
				(delivery.lastDurationMs() != null) ? delivery.lastDurationMs() + " ms" : "—",
				pending ? time(delivery.nextAttemptAt()) : "—",
				(delivery.lastError() != null) ? delivery.lastError() : "");
	}

	private static String time(@Nullable Instant instant) {
		return (instant != null) ? CLOCK.format(instant) : "—";
	}

	private static String state(DeliveryState state) {
		return switch (state) {
			case PENDING -> "Pending";
			case DELIVERED -> "Delivered";
			case FAILED -> "Failed";
		};
	}

	private static String stateClass(DeliveryState state) {
		return switch (state) {
			case PENDING -> "status status-own";
			case DELIVERED -> "status status-active";
			case FAILED -> "status status-revoked";
		};
	}

}
