package dev.latchkey.token.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.latchkey.system.Actor;
import dev.latchkey.system.UserId;
import dev.latchkey.token.ApiToken;
import dev.latchkey.token.IssuedToken;
import dev.latchkey.token.NewToken;
import dev.latchkey.token.StatusReason;
import dev.latchkey.token.TokenChanges;
import dev.latchkey.token.TokenId;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.token.TokenStatus;
import dev.latchkey.token.TokenUsage;
import dev.latchkey.token.TokenView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens over HTTP (SPEC §5). The secret appears only in the create
 * response, which is never cached.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

	private final TokenManagement tokens;

	private final TokenUsage usage;

	private final Clock clock;

	TokenController(TokenManagement tokens, TokenUsage usage, Clock clock) {
		this.tokens = tokens;
		this.usage = usage;
		this.clock = clock;
	}

	@Operation(summary = "Create a token for yourself (org admins); the secret is in 'token', in this answer only",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json",
					examples = @ExampleObject(
							value = "{\"name\":\"ci-deploy\",\"description\":\"deploys from CI\",\"expiresInDays\":30,"
									+ "\"scopes\":[\"deploy\"],\"allowedIps\":[\"198.51.100.0/24\",\"2001:db8::/32\"]}"))))
	@PostMapping
	ResponseEntity<CreatedTokenResponse> create(@AuthenticationPrincipal Actor actor,
			@Valid @RequestBody CreateTokenRequest request) {
		IssuedToken issued = this.tokens.create(actor, new NewToken(request.name(), request.description(),
				request.expiresInDays(), request.expiresAt(), request.scopes(), request.allowedIps()));
		TokenResponse token = TokenResponse.of(issued.view(), this.clock.instant());
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.header("Pragma", "no-cache")
			.body(new CreatedTokenResponse(issued.secret().reveal(), token));
	}

	@GetMapping
	List<TokenResponse> list(@AuthenticationPrincipal Actor actor, @RequestParam @Nullable String owner) {
		List<TokenView> views;
		if (owner == null) {
			views = this.tokens.listOwn(actor);
		}
		else if ("all".equals(owner)) {
			views = this.tokens.listOrganisation(actor);
		}
		else {
			views = this.tokens.listOwnedBy(actor, UserId.parse(owner));
		}
		Instant now = this.clock.instant();
		return views.stream().map((view) -> TokenResponse.of(view, now)).toList();
	}

	@GetMapping("/{id}")
	TokenResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return TokenResponse.of(this.tokens.get(actor, TokenId.parse(id)), this.clock.instant());
	}

	@PostMapping("/{id}/revoke")
	TokenResponse revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return TokenResponse.of(this.tokens.revoke(actor, TokenId.parse(id)), this.clock.instant());
	}

	@PostMapping("/{id}/reapprove")
	TokenResponse reapprove(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return TokenResponse.of(this.tokens.reapprove(actor, TokenId.parse(id)), this.clock.instant());
	}

	@Operation(summary = "Rename a token, change its description or allowlist, or narrow its scopes",
			description = "Fields left out stay as they are; \"allowedIps\": [] lets the token be used from anywhere "
					+ "again; \"description\": \"\" removes the description. Scopes can be narrowed (api may become "
					+ "read_api or an organisation's scope), never widened (409 scope-widening).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json",
					examples = @ExampleObject(value = "{\"scopes\":[\"read_api\"],\"allowedIps\":[\"203.0.113.7\"]}"))))
	@PatchMapping("/{id}")
	TokenResponse update(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestBody UpdateTokenRequest request) {
		TokenChanges changes = TokenChanges.of(request.name(), request.description(), request.scopes(),
				request.allowedIps());
		return TokenResponse.of(this.tokens.update(actor, TokenId.parse(id), changes), this.clock.instant());
	}

	@Operation(summary = "Give a token a new secret, shown in 'token' in this answer only",
			description = "Same id, name, scopes and allowlist, and a fresh expiry of the token's lifetime. The old "
					+ "secret keeps working for overlapHours (0-168, default 24), never past its own expiry. Only an "
					+ "active token can be rotated (409 token-not-active, token-expired).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(mediaType = "application/json",
							examples = @ExampleObject(value = "{\"overlapHours\":24}"))))
	@PostMapping("/{id}/rotate")
	ResponseEntity<CreatedTokenResponse> rotate(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestBody(required = false) @Nullable RotateRequest request) {
		IssuedToken issued = this.tokens.rotate(actor, TokenId.parse(id),
				(request != null) ? request.overlapHours() : null);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Pragma", "no-cache")
			.body(new CreatedTokenResponse(issued.secret().reveal(),
					TokenResponse.of(issued.view(), this.clock.instant())));
	}

	@Operation(summary = "Authenticated requests per UTC day, oldest first (at most 90 days; current within a minute)")
	@GetMapping("/{id}/usage")
	UsageResponse usage(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(defaultValue = "30") int days) {
		return new UsageResponse(this.usage.of(actor, TokenId.parse(id), days));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		this.tokens.delete(actor, TokenId.parse(id));
	}

	record CreateTokenRequest(@NotNull String name, @Nullable String description, @Nullable Integer expiresInDays,
			@Nullable Instant expiresAt, @Nullable List<String> scopes, @Nullable List<String> allowedIps) {

	}

	record UsageResponse(List<TokenUsage.UsageDay> days) {

	}

	record RotateRequest(@Nullable Integer overlapHours) {

	}

	record UpdateTokenRequest(@Nullable String name, @Nullable String description, @Nullable List<String> scopes,
			@Nullable List<String> allowedIps) {

	}

	record CreatedTokenResponse(String token, @JsonUnwrapped TokenResponse details) {

		@Override
		public String toString() {
			return "CreatedTokenResponse[" + this.details.id() + "]";
		}

	}

	record Owner(String id, String username) {

	}

	record TokenResponse(String id, String name, @Nullable String description, Owner owner, String hint,
			List<String> scopes, List<String> allowedIps, TokenStatus status, @Nullable StatusReason statusReason,
			Instant createdAt, String createdBy, Instant expiresAt, @Nullable Instant revokedAt,
			@Nullable String revokedBy, @Nullable Instant lastUsedAt, @Nullable String lastUsedIp) {

		static TokenResponse of(TokenView view, Instant now) {
			ApiToken token = view.token();
			return new TokenResponse(token.id().toString(), token.name().value(), token.description(),
					new Owner(token.ownerId().toString(), view.ownerUsername()), token.hint(), token.scopes().names(),
					token.allowedAddresses().entries(), token.status(now), token.statusReason(now), token.createdAt(),
					token.createdBy(), token.expiresAt(), token.revokedAt(), token.revokedBy(), token.lastUsedAt(),
					token.lastUsedIp());
		}

	}

}
