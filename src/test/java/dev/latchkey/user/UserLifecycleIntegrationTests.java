package dev.latchkey.user;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.testing.Tenant.Member;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserLifecycleIntegrationTests extends TenantIntegrationTests {

	@Test
	void deactivatingAUserMakesAllTheirTokensFailAtOnce() {
		Member member = this.tenant.anotherAdmin();
		String second = this.fixtures.issue(member.user(), "second").secret().reveal();

		ApiResponse deactivated = post("/api/v1/users/" + member.user().id() + "/deactivate");

		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(deactivated.text("status")).isEqualTo("DEACTIVATED");
		assertThat(this.api.get("/api/v1/me", member.token()).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/me", second).status()).isEqualTo(401);
		ApiResponse tokens = this.api.get("/api/v1/tokens?owner=" + member.user().id(), this.tenant.adminToken());
		assertThat(tokens.json().valueStream().map((t) -> t.get("statusReason").asString()))
			.containsOnly("USER_DEACTIVATED");
	}

	@Test
	void reactivationDoesNotBringTokensBackButReapprovalDoes() {
		Member member = this.tenant.anotherAdmin();
		String tokenId = tokenIdOf(member);
		post("/api/v1/users/" + member.user().id() + "/deactivate");

		ApiResponse refusedWhileDeactivated = post("/api/v1/tokens/" + tokenId + "/reapprove");
		post("/api/v1/users/" + member.user().id() + "/reactivate");
		int afterReactivation = this.api.get("/api/v1/me", member.token()).status();
		ApiResponse reapproved = post("/api/v1/tokens/" + tokenId + "/reapprove");

		assertThat(refusedWhileDeactivated.status()).isEqualTo(409);
		assertThat(refusedWhileDeactivated.problemType()).isEqualTo("owner-deactivated");
		assertThat(afterReactivation).isEqualTo(401);
		assertThat(reapproved.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/me", member.token()).status()).isEqualTo(200);
	}

	@Test
	void removingALicenseRevokesTokensUntilALicenseIsBackAndTheyAreReapproved() {
		Member member = this.tenant.anotherAdmin();
		String tokenId = tokenIdOf(member);

		ApiResponse removed = this.api.put("/api/v1/users/" + member.user().id() + "/license", this.tenant.adminToken(),
				"{\"licensed\":false}");
		int afterRemoval = this.api.get("/api/v1/me", member.token()).status();
		ApiResponse refused = post("/api/v1/tokens/" + tokenId + "/reapprove");
		this.api.put("/api/v1/users/" + member.user().id() + "/license", this.tenant.adminToken(),
				"{\"licensed\":true}");
		ApiResponse reapproved = post("/api/v1/tokens/" + tokenId + "/reapprove");

		assertThat(removed.json().get("licensed").asBoolean()).isFalse();
		assertThat(afterRemoval).isEqualTo(401);
		assertThat(this.api.get("/api/v1/tokens/" + tokenId, this.tenant.adminToken()).text("statusReason"))
			.isEqualTo("ACTIVE".equals(reapproved.text("status")) ? null : "LICENSE_REMOVED");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("owner-unlicensed");
		assertThat(reapproved.text("status")).isEqualTo("ACTIVE");
		assertThat(this.api.get("/api/v1/me", member.token()).status()).isEqualTo(200);
	}

	@Test
	void aLicenseRemovalIsRecordedAsTheReasonOfTheRevocation() {
		Member member = this.tenant.anotherAdmin();

		this.api.put("/api/v1/users/" + member.user().id() + "/license", this.tenant.adminToken(),
				"{\"licensed\":false}");

		assertThat(this.api.get("/api/v1/tokens/" + tokenIdOf(member), this.tenant.adminToken()).text("statusReason"))
			.isEqualTo("LICENSE_REMOVED");
	}

	@Test
	void aGeneralUserIsRefusedAdminActionsWith403() {
		Member member = this.tenant.anotherAdmin();
		String tokenId = tokenIdOf(member);
		this.api.put("/api/v1/users/" + member.user().id() + "/role", this.tenant.adminToken(), "{\"role\":\"USER\"}");

		ApiResponse me = this.api.get("/api/v1/me", member.token());

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("user").get("role").asString()).isEqualTo("USER");
		assertThat(this.api.post("/api/v1/tokens", member.token(), "{\"name\":\"nope\"}").status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/tokens", member.token()).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/users", member.token()).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/audit-events", member.token()).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/organisation/policies", member.token()).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/tokens/" + tokenId + "/reapprove", member.token(), null).status())
			.isEqualTo(403);
	}

	@Test
	void aGeneralUserMayStillRevokeTheirOwnToken() {
		Member member = this.tenant.anotherAdmin();
		String tokenId = tokenIdOf(member);
		String second = this.fixtures.issue(member.user(), "second").secret().reveal();
		this.api.put("/api/v1/users/" + member.user().id() + "/role", this.tenant.adminToken(), "{\"role\":\"USER\"}");

		ApiResponse revoked = this.api.post("/api/v1/tokens/" + tokenId + "/revoke", second, null);

		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.text("statusReason")).isEqualTo("REVOKED_BY_OWNER");
	}

	@Test
	void theLastActiveAdminCanBeNeitherDemotedNorDeactivated() {
		String admin = this.tenant.admin().id().toString();

		ApiResponse demoted = this.api.put("/api/v1/users/" + admin + "/role", this.tenant.adminToken(),
				"{\"role\":\"USER\"}");
		ApiResponse deactivated = post("/api/v1/users/" + admin + "/deactivate");

		assertThat(demoted.status()).isEqualTo(409);
		assertThat(demoted.problemType()).isEqualTo("last-admin");
		assertThat(deactivated.status()).isEqualTo(409);
		assertThat(this.api.get("/api/v1/me", this.tenant.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void anAdminCreatesUsersWithinTheLicenseSeats() {
		Tenant small = this.fixtures.tenant(2);

		ApiResponse licensed = createUser(small, "seat-two", true);
		ApiResponse noSeat = createUser(small, "seat-three", true);
		ApiResponse unlicensed = createUser(small, "no-seat-needed", false);

		assertThat(licensed.status()).isEqualTo(201);
		assertThat(licensed.body()).doesNotContain(Fixtures.PASSWORD).doesNotContain("password");
		assertThat(noSeat.status()).isEqualTo(409);
		assertThat(noSeat.problemType()).isEqualTo("no-license-seat");
		assertThat(unlicensed.status()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/users", small.adminToken()).json().size()).isEqualTo(3);
		ApiResponse got = this.api.get("/api/v1/users/" + licensed.text("id"), small.adminToken());
		assertThat(got.text("username")).startsWith("seat-two");
	}

	@Test
	void usernamesAreUniqueAcrossTheInstallation() {
		ApiResponse first = createUser(this.tenant, "unique-name", false);
		Tenant other = this.fixtures.tenant();

		ApiResponse clash = this.api.post("/api/v1/users", other.adminToken(), "{\"username\":\""
				+ first.text("username") + "\",\"password\":\"" + Fixtures.PASSWORD + "\",\"role\":\"USER\"}");

		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.problemType()).isEqualTo("username-taken");
	}

	private ApiResponse createUser(Tenant in, String username, boolean licensed) {
		String unique = username + "-" + System.nanoTime();
		return this.api.post("/api/v1/users", in.adminToken(), "{\"username\":\"" + unique + "\",\"password\":\""
				+ Fixtures.PASSWORD + "\",\"role\":\"USER\",\"licensed\":" + licensed + "}");
	}

	private String tokenIdOf(Member member) {
		return this.api.get("/api/v1/tokens?owner=" + member.user().id(), this.tenant.adminToken())
			.json()
			.get(0)
			.get("id")
			.asString();
	}

	private ApiResponse post(String path) {
		return this.api.post(path, this.tenant.adminToken(), null);
	}

}
