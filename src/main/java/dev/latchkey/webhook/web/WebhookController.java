package dev.latchkey.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.latchkey.system.Actor;
import dev.latchkey.webhook.CreatedWebhook;
import dev.latchkey.webhook.Webhook;
import dev.latchkey.webhook.WebhookDelivery;
import dev.latchkey.webhook.WebhookManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks of the organisation, for its admins (SPEC §9). The signing secret is in the
 * creation response only.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	private final WebhookManagement webhooks;

	WebhookController(WebhookManagement webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(summary = "Create a webhook; the signing secret is in 'secret', in this answer only",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json",
					examples = @ExampleObject(
							value = "{\"url\":\"https://hooks.example.com/latchkey\",\"events\":[\"token.revoked\"]}"))))
	@PostMapping
	ResponseEntity<CreatedResponse> create(@AuthenticationPrincipal Actor actor,
			@Valid @RequestBody CreateRequest request) {
		CreatedWebhook created = this.webhooks.create(actor, request.url(), request.events());
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new CreatedResponse(created.secret(), WebhookResponse.of(created.webhook())));
	}

	@GetMapping
	List<WebhookResponse> list(@AuthenticationPrincipal Actor actor) {
		return this.webhooks.list(actor).stream().map(WebhookResponse::of).toList();
	}

	@GetMapping("/{id}")
	WebhookResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return WebhookResponse.of(this.webhooks.get(actor, id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		this.webhooks.delete(actor, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The webhook's latest deliveries, newest first (at most 100)")
	@GetMapping("/{id}/deliveries")
	List<DeliveryResponse> deliveries(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(defaultValue = "50") int limit) {
		return this.webhooks.deliveries(actor, id, limit).stream().map(DeliveryResponse::of).toList();
	}

	record CreateRequest(@NotNull String url, @Nullable List<String> events) {

	}

	record CreatedResponse(String secret, @JsonUnwrapped WebhookResponse webhook) {

		@Override
		public String toString() {
			return "CreatedResponse[" + this.webhook.id() + "]";
		}

	}

	record WebhookResponse(String id, String url, List<String> events, boolean allEvents, String createdBy,
			Instant createdAt) {

		static WebhookResponse of(Webhook webhook) {
			return new WebhookResponse(webhook.id().toString(), webhook.url(), webhook.events().list(),
					webhook.events().all(), webhook.createdBy(), webhook.createdAt());
		}

	}

	record DeliveryResponse(String id, String event, String state, Instant createdAt, int attempts,
			@Nullable Instant nextAttemptAt, @Nullable Integer lastStatusCode, @Nullable Long lastDurationMs,
			@Nullable String lastError, @Nullable Instant deliveredAt) {

		static DeliveryResponse of(WebhookDelivery delivery) {
			boolean pending = delivery.state() == dev.latchkey.webhook.DeliveryState.PENDING;
			return new DeliveryResponse(delivery.id().toString(), delivery.eventType(), delivery.state().name(),
					delivery.createdAt(), delivery.attempts(), pending ? delivery.nextAttemptAt() : null,
					delivery.lastStatusCode(), delivery.lastDurationMs(), delivery.lastError(), delivery.deliveredAt());
		}

	}

}
