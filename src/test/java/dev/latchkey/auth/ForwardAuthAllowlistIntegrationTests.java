package dev.latchkey.auth;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import dev.latchkey.token.LastUses;
import dev.latchkey.token.TokenFormat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IP allowlists at forward auth (SPEC §8, §10): the address judged is the original
 * client's, from the trusted proxy's {@code X-Forwarded-For}; from anywhere else the
 * token is refused exactly like an unknown one, audited with the reason, and not counted
 * as a use. Here the loopback address is the trusted proxy, so each test plays clients of
 * its own.
 */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")
class ForwardAuthAllowlistIntegrationTests extends TenantIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAllowlistedTokenIsAdmittedFromItsNetworkThroughTheTrustedProxy() {
		Created token = create(this.tenant, "[\"198.51.100.0/24\"]");

		ApiResponse inside = verify(token.secret(), "198.51.100.7");
		ApiResponse edge = verify(token.secret(), "198.51.100.255");

		assertThat(inside.status()).isEqualTo(200);
		assertThat(inside.header("X-Latchkey-Token-Id")).isEqualTo(token.id());
		assertThat(edge.status()).isEqualTo(200);
	}

	@Test
	void fromElsewhereTheTokenIsRefusedByteForByteLikeAnUnknownToken() {
		Created token = create(this.tenant, "[\"198.51.100.0/24\"]");
		String unknown = unknownToken();

		ApiResponse outside = verify(token.secret(), "203.0.113.9");
		ApiResponse stranger = verify(unknown, "203.0.113.9");

		assertThat(outside.status()).isEqualTo(401);
		assertThat(outside.status()).isEqualTo(stranger.status());
		assertThat(outside.header("WWW-Authenticate")).isEqualTo(stranger.header("WWW-Authenticate"));
		assertThat(outside.header("Content-Type")).isEqualTo(stranger.header("Content-Type"));
		assertThat(outside.body()).isEqualTo(stranger.body());
		assertThat(outside.header("X-Latchkey-User")).isNull();
	}

	@Test
	void aRefusalFromElsewhereIsAuditedWithTheReasonAndIsNotAUse() {
		Created token = create(this.tenant, "[\"198.51.100.0/24\"]");
		RefusalAudits.flush(this.context);
		LastUses.flush(this.context);

		verify(token.secret(), "203.0.113.9");
		verify(token.secret(), "203.0.113.9");
		RefusalAudits.flush(this.context);
		LastUses.flush(this.context);

		assertThat(refusalsOf(token)).containsExactly("203.0.113.9 reason=ADDRESS_NOT_ALLOWED, count=2");
		assertThat(lastUsedIp(token)).isNull();
		verify(token.secret(), "198.51.100.7");
		LastUses.flush(this.context);
		assertThat(lastUsedIp(token)).isEqualTo("198.51.100.7");
	}

	@Test
	void anIpv6BlockAdmitsItsAddressesOnly() {
		Created block = create(this.tenant, "[\"2001:db8::/32\"]");
		Created loopback = create(this.tenant, "[\"::1/128\"]");

		ApiResponse inside = verify(block.secret(), "2001:db8:1::7");
		ApiResponse outside = verify(block.secret(), "2001:db9::7");
		ApiResponse mappedV4 = verify(block.secret(), "198.51.100.7");
		ApiResponse fromLoopback = verify(loopback.secret(), "::1");
		ApiResponse fromV4Loopback = verify(loopback.secret(), "127.0.0.1");

		assertThat(inside.status()).isEqualTo(200);
		assertThat(fromLoopback.status()).isEqualTo(200);
		assertThat(List.of(outside, mappedV4, fromV4Loopback))
			.allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(401));
	}

	@Test
	void anotherOrganisationsTokenIsRefusedEvenFromAnAddressItsAllowlistAdmits() {
		Tenant other = this.fixtures.tenant();
		Created foreign = create(other, "[\"198.51.100.0/24\"]");

		ApiResponse response = verify(foreign.secret(), "198.51.100.7");
		ApiResponse atHome = this.api.send(request(other, "", foreign.secret(), "198.51.100.7").GET());

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.problemType()).isEqualTo("invalid-token");
		assertThat(atHome.status()).isEqualTo(200);
	}

	@Test
	void anAllowlistAndAScopeAreBothRequired() {
		ApiResponse defined = this.api.post("/api/v1/scopes", this.tenant.adminToken(), "{\"name\":\"deploy\"}");
		assertThat(defined.status()).isEqualTo(201);
		ApiResponse created = this.api.post("/api/v1/tokens", this.tenant.adminToken(),
				"{\"name\":\"ci\",\"scopes\":[\"deploy\"],\"allowedIps\":[\"198.51.100.0/24\"]}");
		String ci = created.text("token");

		ApiResponse deployFromCi = this.api.send(request(this.tenant, "&scope=deploy", ci, "198.51.100.7").GET());
		ApiResponse deployFromElsewhere = this.api.send(request(this.tenant, "&scope=deploy", ci, "203.0.113.9").GET());
		ApiResponse apiFromCi = verify(ci, "198.51.100.7");

		assertThat(deployFromCi.status()).isEqualTo(200);
		assertThat(deployFromElsewhere.status()).isEqualTo(401);
		assertThat(apiFromCi.status()).isEqualTo(403);
	}

	private ApiResponse verify(String token, String client) {
		return this.api.send(request(this.tenant, "", token, client).GET());
	}

	private HttpRequest.Builder request(Tenant tenant, String scopes, String token, String client) {
		return this.api.raw("/auth/verify?organisation=" + tenant.organisation().name() + scopes)
			.header("Authorization", "Bearer " + token)
			.header("X-Forwarded-For", client);
	}

	private Created create(Tenant tenant, String allowedIps) {
		ApiResponse created = this.api.post("/api/v1/tokens", tenant.adminToken(),
				"{\"name\":\"allowlisted-" + UUID.randomUUID() + "\",\"allowedIps\":" + allowedIps + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new Created(created.text("id"), created.text("token"));
	}

	private List<String> refusalsOf(Created token) {
		return this.jdbc
			.sql("select client_ip, details from audit_events where target_id = :id"
					+ " and type = 'TOKEN_AUTHENTICATION_REFUSED'")
			.param("id", token.id())
			.query((row, number) -> row.getString("client_ip") + " " + row.getString("details"))
			.list();
	}

	private String lastUsedIp(Created token) {
		return this.jdbc.sql("select last_used_ip from api_tokens where id = :id")
			.param("id", UUID.fromString(token.id()))
			.query((row, number) -> row.getString(1))
			.list()
			.get(0);
	}

	private static String unknownToken() {
		return new TokenFormat("lkp_", new SecureRandom()).generate().reveal();
	}

	private record Created(String id, String secret) {

	}

}
