package dev.latchkey.client.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.latchkey.client.ClientManagement;
import dev.latchkey.client.RegisteredClient;
import dev.latchkey.client.ResourceClient;
import dev.latchkey.system.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resource-server clients of the organisation, for its admins. The client secret is in
 * the registration response only.
 */
@RestController
@RequestMapping("/api/v1/clients")
class ClientController {

	private final ClientManagement clients;

	ClientController(ClientManagement clients) {
		this.clients = clients;
	}

	@Operation(summary = "Register a resource-server client; the secret is in 'clientSecret', in this answer only",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json", examples = @ExampleObject(value = "{\"name\":\"orders-api\"}"))))
	@PostMapping
	ResponseEntity<RegisteredResponse> register(@AuthenticationPrincipal Actor actor,
			@Valid @RequestBody RegisterRequest request) {
		RegisteredClient registered = this.clients.register(actor, request.name());
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new RegisteredResponse(registered.secret(), ClientResponse.of(registered.client())));
	}

	@GetMapping
	List<ClientResponse> list(@AuthenticationPrincipal Actor actor) {
		return this.clients.list(actor).stream().map(ClientResponse::of).toList();
	}

	@GetMapping("/{id}")
	ClientResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return ClientResponse.of(this.clients.get(actor, id));
	}

	@PostMapping("/{id}/disable")
	ClientResponse disable(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return ClientResponse.of(this.clients.setEnabled(actor, id, false));
	}

	@PostMapping("/{id}/enable")
	ClientResponse enable(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return ClientResponse.of(this.clients.setEnabled(actor, id, true));
	}

	@Operation(summary = "Replace a client's secret; the new one is in 'clientSecret', in this answer only",
			description = "The old secret stops working at once, on every instance.")
	@PostMapping("/{id}/secret")
	ResponseEntity<RegisteredResponse> replaceSecret(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		RegisteredClient replaced = this.clients.replaceSecret(actor, id);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new RegisteredResponse(replaced.secret(), ClientResponse.of(replaced.client())));
	}

	record RegisterRequest(@NotNull String name) {

	}

	record RegisteredResponse(String clientSecret, @JsonUnwrapped ClientResponse client) {

		@Override
		public String toString() {
			return "RegisteredResponse[" + this.client.clientId() + "]";
		}

	}

	record ClientResponse(String id, String name, String clientId, boolean enabled, Instant createdAt,
			String createdBy) {

		static ClientResponse of(ResourceClient client) {
			return new ClientResponse(client.id().toString(), client.name(), client.clientId(), client.enabled(),
					client.createdAt(), client.createdBy());
		}

	}

}
