package dev.latchkey.token.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

import dev.latchkey.system.Actor;
import dev.latchkey.token.ScopeDefinition;
import dev.latchkey.token.ScopeManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scopes an organisation's tokens can hold (SPEC §8): the built-in ones and the
 * organisation's own.
 */
@RestController
@RequestMapping("/api/v1/scopes")
class ScopeController {

	private final ScopeManagement scopes;

	ScopeController(ScopeManagement scopes) {
		this.scopes = scopes;
	}

	@Operation(summary = "The scopes tokens of your organisation can hold: api, read_api and your own")
	@GetMapping
	List<ScopeResponse> list(@AuthenticationPrincipal Actor actor) {
		return this.scopes.list(actor).stream().map(ScopeResponse::of).toList();
	}

	@Operation(summary = "Define a scope for your organisation's APIs",
			description = "name matches [a-z][a-z0-9_.:-]{0,63}; 409 if it exists or is built in.")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ScopeResponse define(@AuthenticationPrincipal Actor actor, @Valid @RequestBody DefineScopeRequest request) {
		return ScopeResponse.of(this.scopes.define(actor, request.name(), request.description()));
	}

	@Operation(summary = "Delete one of your organisation's scopes", description = "409 while a token holds it.")
	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@AuthenticationPrincipal Actor actor, @PathVariable String name) {
		this.scopes.remove(actor, name);
	}

	record DefineScopeRequest(@NotNull String name, @Nullable String description) {

	}

	record ScopeResponse(String name, @Nullable String description, boolean builtIn) {

		static ScopeResponse of(ScopeDefinition definition) {
			return new ScopeResponse(definition.name(), definition.description(), definition.builtIn());
		}

	}

}
