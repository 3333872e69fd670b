package dev.latchkey;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.Fixtures;
import dev.latchkey.testing.Reliability;
import dev.latchkey.testing.Tenant;
import dev.latchkey.testing.TenantIntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant isolation matrix: every endpoint that takes an id, with every method it
 * answers, called by an admin of one organisation with an id of another, over the API and
 * the console. Every call must answer 404 (SPEC rule 14: an id of another organisation is
 * one that does not exist, whatever the method), and the other organisation must be
 * unchanged.
 */
class IsolationMatrixIntegrationTests extends TenantIntegrationTests {

	@Test
	void noEndpointLetsOneOrganisationSeeOrChangeAnother() throws Exception {
		Tenant victim = this.fixtures.tenant();
		Tenant.Member member = victim.anotherAdmin();
		String token = this.api.get("/api/v1/tokens?owner=" + member.user().id(), victim.adminToken())
			.json()
			.get(0)
			.get("id")
			.asString();
		assertThat(this.api.post("/api/v1/tokens/" + token + "/revoke", victim.adminToken(), null).status())
			.as("a revoked token, so that re-approval would change it")
			.isEqualTo(200);
		String user = member.user().id().toString();
		ApiResponse created = this.api.post("/api/v1/clients", victim.adminToken(), "{\"name\":\"victim-api\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String client = created.text("id");
		ApiResponse hook = this.api.post("/api/v1/webhooks", victim.adminToken(),
				"{\"url\":\"http://127.0.0.1:9/victim-hook\"}");
		assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
		String webhook = hook.text("id");
		String before = snapshot(victim);

		Map<String, Integer> answers = new LinkedHashMap<>();
		String t = this.tenant.adminToken();
		answers.put("GET /api/v1/tokens/{token}", this.api.get("/api/v1/tokens/" + token, t).status());
		answers.put("POST /api/v1/tokens/{token}/revoke",
				this.api.post("/api/v1/tokens/" + token + "/revoke", t, null).status());
		answers.put("POST /api/v1/tokens/{token}/reapprove",
				this.api.post("/api/v1/tokens/" + token + "/reapprove", t, null).status());
		answers.put("POST /api/v1/tokens/{token}/rotate",
				this.api.post("/api/v1/tokens/" + token + "/rotate", t, "{}").status());
		answers.put("PATCH /api/v1/tokens/{token}",
				this.api.patch("/api/v1/tokens/" + token, t, "{\"name\":\"taken-over\"}").status());
		answers.put("GET /api/v1/tokens/{token}/usage", this.api.get("/api/v1/tokens/" + token + "/usage", t).status());
		answers.put("DELETE /api/v1/tokens/{token}", this.api.delete("/api/v1/tokens/" + token, t).status());
		answers.put("GET /api/v1/webhooks/{webhook}", this.api.get("/api/v1/webhooks/" + webhook, t).status());
		answers.put("GET /api/v1/webhooks/{webhook}/deliveries",
				this.api.get("/api/v1/webhooks/" + webhook + "/deliveries", t).status());
		answers.put("DELETE /api/v1/webhooks/{webhook}", this.api.delete("/api/v1/webhooks/" + webhook, t).status());
		answers.put("GET /api/v1/tokens?owner={user}", this.api.get("/api/v1/tokens?owner=" + user, t).status());
		answers.put("GET /api/v1/users/{user}", this.api.get("/api/v1/users/" + user, t).status());
		for (String action : List.of("deactivate", "reactivate")) {
			answers.put("POST /api/v1/users/{user}/" + action,
					this.api.post("/api/v1/users/" + user + "/" + action, t, null).status());
		}
		answers.put("PUT /api/v1/users/{user}/license",
				this.api.put("/api/v1/users/" + user + "/license", t, "{\"licensed\":false}").status());
		answers.put("PUT /api/v1/users/{user}/role",
				this.api.put("/api/v1/users/" + user + "/role", t, "{\"role\":\"USER\"}").status());
		answers.put("GET /api/v1/clients/{client}", this.api.get("/api/v1/clients/" + client, t).status());
		for (String action : List.of("disable", "enable")) {
			answers.put("POST /api/v1/clients/{client}/" + action,
					this.api.post("/api/v1/clients/" + client + "/" + action, t, null).status());
		}
		Console console = new Console(this.port, this.tenant.admin().username());
		answers.put("GET /admin/api-tokens/{token}/usage", console.get("/admin/api-tokens/" + token + "/usage"));
		answers.put("GET /admin/webhooks/{webhook}", console.get("/admin/webhooks/" + webhook));
		answers.put("GET /admin/webhooks/{webhook}/delete", console.get("/admin/webhooks/" + webhook + "/delete"));
		answers.put("POST /admin/webhooks/{webhook}/delete",
				console.post("/admin/webhooks/" + webhook + "/delete", ""));
		for (String action : List.of("rotate", "revoke", "reapprove", "delete")) {
			answers.put("GET /admin/api-tokens/{token}/" + action,
					console.get("/admin/api-tokens/" + token + "/" + action));
			answers.put("POST /admin/api-tokens/{token}/" + action,
					console.post("/admin/api-tokens/" + token + "/" + action, ""));
		}
		for (String action : List.of("deactivate", "reactivate", "license-grant", "license-remove")) {
			answers.put("GET /admin/users/{user}/" + action, console.get("/admin/users/" + user + "/" + action));
			answers.put("POST /admin/users/{user}/" + action, console.post("/admin/users/" + user + "/" + action, ""));
		}
		answers.put("POST /admin/users/{user}/role", console.post("/admin/users/" + user + "/role", "role=USER"));
		for (String action : List.of("disable", "enable")) {
			answers.put("GET /admin/clients/{client}/" + action,
					console.get("/admin/clients/" + client + "/" + action));
			answers.put("POST /admin/clients/{client}/" + action,
					console.post("/admin/clients/" + client + "/" + action, ""));
		}

		List<String> leaks = new ArrayList<>();
		answers.forEach((call, status) -> {
			if (status != 404) {
				leaks.add(call + " -> " + status);
			}
		});
		boolean unchanged = snapshot(victim).equals(before);
		Reliability.report("isolation",
				Map.of("tried", answers.size(), "successes", leaks.size(), "otherOrganisationUnchanged", unchanged));
		assertThat(leaks).as("calls that did not answer 404").isEmpty();
		assertThat(unchanged).isTrue();
		assertThat(answers).hasSizeGreaterThanOrEqualTo(43);
	}

	private String snapshot(Tenant victim) {
		ApiResponse tokens = this.api.get("/api/v1/tokens?owner=all", victim.adminToken());
		ApiResponse users = this.api.get("/api/v1/users", victim.adminToken());
		ApiResponse clients = this.api.get("/api/v1/clients", victim.adminToken());
		ApiResponse webhooks = this.api.get("/api/v1/webhooks", victim.adminToken());
		return tokens.body().replaceAll("\"lastUsed(At|Ip)\":[^,}]*", "") + users.body() + clients.body()
				+ webhooks.body();
	}

	/** A signed-in console session over plain HTTP, with its CSRF token. */
	static final class Console {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final String base;

		private String csrf;

		Console(int port, String username) throws Exception {
			this.base = "http://127.0.0.1:" + port;
			this.csrf = csrfOf(send(HttpRequest.newBuilder(URI.create(this.base + "/login")).GET()).body());
			int status = send(form("/login", "username=" + username + "&password="
					+ URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)))
				.statusCode();
			assertThat(status).as("sign-in redirects").isEqualTo(302);
			this.csrf = csrfOf(send(HttpRequest.newBuilder(URI.create(this.base + "/admin/users")).GET()).body());
		}

		int get(String path) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET()).statusCode();
		}

		int post(String path, String body) throws Exception {
			return send(form(path, body)).statusCode();
		}

		private HttpRequest.Builder form(String path, String body) {
			String withCsrf = (body.isEmpty() ? "" : body + "&") + "_csrf=" + this.csrf;
			return HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(withCsrf));
		}

		private java.net.http.HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			return this.client.send(request.build(), BodyHandlers.ofString());
		}

		private static String csrfOf(String html) {
			Matcher matcher = CSRF.matcher(html);
			assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
			return matcher.group(1);
		}

	}

}
