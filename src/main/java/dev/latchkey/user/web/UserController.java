package dev.latchkey.user.web;

import java.time.Instant;
import java.util.List;

import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.Role;
import dev.latchkey.system.UserId;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's users, for its admins.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final UserManagement users;

	UserController(UserManagement users) {
		this.users = users;
	}

	@GetMapping
	List<UserResponse> list(@AuthenticationPrincipal Actor actor) {
		return this.users.list(actor, organisationOf(actor)).stream().map(UserResponse::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserResponse create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody CreateUserRequest request) {
		NewUser newUser = new NewUser(request.username(), request.password(), request.role(),
				Boolean.TRUE.equals(request.licensed()), request.email(), request.displayName());
		return UserResponse.of(this.users.create(actor, organisationOf(actor), newUser));
	}

	@GetMapping("/{id}")
	UserResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return UserResponse.of(this.users.get(actor, UserId.parse(id)));
	}

	@PostMapping("/{id}/deactivate")
	UserResponse deactivate(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return UserResponse.of(this.users.deactivate(actor, UserId.parse(id)));
	}

	@PostMapping("/{id}/reactivate")
	UserResponse reactivate(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return UserResponse.of(this.users.reactivate(actor, UserId.parse(id)));
	}

	@PutMapping("/{id}/license")
	UserResponse license(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@Valid @RequestBody LicenseRequest request) {
		return UserResponse.of(this.users.setLicensed(actor, UserId.parse(id), request.licensed()));
	}

	@PutMapping("/{id}/role")
	UserResponse role(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@Valid @RequestBody RoleRequest request) {
		return UserResponse.of(this.users.changeRole(actor, UserId.parse(id), request.role()));
	}

	private static OrganisationId organisationOf(Actor actor) {
		if (actor.organisationId() == null) {
			throw new Forbidden("Only organisation administrators manage users.");
		}
		return actor.organisationId();
	}

	record CreateUserRequest(@NotBlank @Size(max = 100) String username, @NotNull @Size(max = 200) String password,
			@NotNull Role role, @Nullable Boolean licensed, @Nullable @Size(max = 320) String email,
			@Nullable @Size(max = 200) String displayName) {

		@Override
		public String toString() {
			return "CreateUserRequest[username=" + this.username + "]";
		}

	}

	record LicenseRequest(@NotNull Boolean licensed) {

	}

	record RoleRequest(@NotNull Role role) {

	}

	record UserResponse(String id, String username, @Nullable String email, @Nullable String displayName, Role role,
			String status, boolean licensed, Instant createdAt) {

		static UserResponse of(User user) {
			return new UserResponse(user.id().toString(), user.username(), user.email(), user.displayName(),
					user.role(), user.status().name(), user.licensed(), user.createdAt());
		}

	}

}
