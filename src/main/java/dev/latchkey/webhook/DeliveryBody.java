package dev.latchkey.webhook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.latchkey.token.TokenEvent;
import dev.latchkey.token.TokenExpiryApproaching;
import dev.latchkey.token.TokenFacts;
import dev.latchkey.token.TokenRevoked;
import dev.latchkey.token.TokenRotated;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a delivery says about its event, as JSON: the delivery id, the event's name and
 * time, the organisation, the token (never its secret, only the hint) and what the event
 * adds (reason, threshold, end of the old secret's overlap).
 */
final class DeliveryBody {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DeliveryBody() {
	}

	/**
	 * The delivery id of an event for a webhook: derived from both, so an event handed
	 * over twice gives the same id and is stored once.
	 */
	static UUID deliveryId(UUID webhookId, TokenEvent event) {
		String identity = webhookId + "|" + event.type() + "|" + event.token().id() + "|" + event.occurredAt() + "|"
				+ detail(event);
		return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
	}

	static String of(UUID deliveryId, TokenEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", deliveryId.toString());
		body.put("type", event.type());
		body.put("occurredAt", event.occurredAt().toString());
		body.put("organisation", event.token().organisationId().toString());
		body.put("token", token(event.token()));
		if (event instanceof TokenRevoked revoked) {
			body.put("reason", revoked.reason().name());
		}
		if (event instanceof TokenExpiryApproaching approaching) {
			body.put("thresholdDays", approaching.thresholdDays());
		}
		if (event instanceof TokenRotated rotated && rotated.previousValidUntil() != null) {
			body.put("previousValidUntil", rotated.previousValidUntil().toString());
		}
		return JSON.writeValueAsString(body);
	}

	private static Map<String, Object> token(TokenFacts token) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("id", token.id().toString());
		facts.put("name", token.name());
		facts.put("hint", token.hint());
		facts.put("owner", Map.of("id", token.ownerId().toString(), "username", token.ownerUsername()));
		facts.put("expiresAt", token.expiresAt().toString());
		return facts;
	}

	private static String detail(TokenEvent event) {
		if (event instanceof TokenRevoked revoked) {
			return revoked.reason().name();
		}
		if (event instanceof TokenExpiryApproaching approaching) {
			return Integer.toString(approaching.thresholdDays());
		}
		return "";
	}

}
