package dev.latchkey;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.LogCapture;
import dev.latchkey.testing.Reliability;
import dev.latchkey.testing.TenantIntegrationTests;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every JSON endpoint with generated bodies (scopes and allowlists included: a
 * token's {@code PATCH}, scope definitions, creates that name both): random JSON of every
 * shape (wrong types, unknown and missing fields, deep nesting, huge numbers, odd
 * Unicode), mutations of valid bodies, and bytes that are not JSON at all. No answer may
 * be a 5xx, and the server may log no unexpected exception. The generator is seeded, so a
 * failure can be replayed; a Jazzer fuzz test sends its committed inputs in every run and
 * finds new ones when fuzzing.
 */
class JsonFuzzIntegrationTests extends TenantIntegrationTests {

	private static final long SEED = Long.getLong("latchkey.fuzz.seed", 20261128L);

	private static final int BODIES_PER_ENDPOINT = Integer.getInteger("latchkey.fuzz.bodies", 150);

	private Map<String, String> endpoints;

	@Test
	void noGeneratedBodyGetsA5xxOrAnEscapedException() {
		Map<String, String> endpoints = endpoints();
		Random random = new Random(SEED);
		int sent = 0;
		Map<Integer, Integer> statuses = new LinkedHashMap<>();
		// Only what the server logs while this test sends its bodies: the shared log file
		// also holds other tests' lines, and earlier runs' when it was not cleaned.
		List<String> errors;
		List<String> stackTraces;

		try (LogCapture log = LogCapture.start()) {
			for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
				for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
					String body = new Bodies(random).next(endpoint.getValue());
					statuses.merge(send(endpoint.getKey(), body), 1, Integer::sum);
					sent++;
				}
			}
			this.api.post("/api/v1/leaks", null, "[]");
			errors = log.errors();
			stackTraces = log.stackTraces();
		}

		long escaped = errors.size();
		long fiveHundreds = statuses.entrySet().stream().filter((e) -> e.getKey() >= 500).count();
		Reliability.report("json-fuzz", Map.of("bodies", sent, "seed", SEED, "status5xx", fiveHundreds,
				"escapedExceptions", escaped, "stackTraces", stackTraces.size(), "statuses", statuses));
		// An exception no handler expected is logged at ERROR, nothing else is.
		assertThat(errors).as("unexpected exceptions in the log").isEmpty();
		assertThat(stackTraces).as("stack traces in the log").isEmpty();
	}

	/**
	 * The first byte picks the endpoint, the rest is the body. Replays the committed
	 * inputs in {@code src/test/resources/dev/latchkey/JsonFuzzIntegrationTestsInputs/}
	 * in every run; coverage-guided with {@code JAZZER_FUZZ=1} (docs/reliability.md).
	 */
	@FuzzTest
	void noFuzzedBodyGetsA5xxOrAnEscapedException(byte[] input) {
		List<String> endpoints = List.copyOf(endpoints().keySet());
		String endpoint = endpoints.get((input.length == 0) ? 0 : Byte.toUnsignedInt(input[0]) % endpoints.size());
		String body = (input.length == 0) ? "" : new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
		// Jazzer's SSRF detector would report the test's own requests to the server under
		// test; any other connection is still a finding
		try (SilentCloseable server = BugDetectors.allowNetworkConnections(
				(host, port) -> ("localhost".equals(host) || "127.0.0.1".equals(host)) && port == this.port);
				LogCapture log = LogCapture.start()) {
			send(endpoint, body);
			assertThat(log.errors()).as("unexpected exceptions in the log for %s with %s", endpoint, body).isEmpty();
			assertThat(log.stackTraces()).as("stack traces in the log for %s with %s", endpoint, body).isEmpty();
		}
	}

	/**
	 * Each JSON endpoint ("METHOD path") with a valid body; made once per test instance,
	 * since naming a user creates one.
	 */
	private Map<String, String> endpoints() {
		if (this.endpoints != null) {
			return this.endpoints;
		}
		String user = this.tenant.anotherAdmin().user().id().toString();
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("POST /api/v1/tokens", "{\"name\":\"n\",\"description\":\"d\",\"expiresInDays\":5}");
		endpoints.put("POST /api/v1/users",
				"{\"username\":\"u\",\"password\":\"p\",\"role\":\"USER\",\"licensed\":false}");
		endpoints.put("PUT /api/v1/organisation/policies",
				"{\"maxTokensPerLicense\":10,\"defaultTokenLifetimeDays\":90,"
						+ "\"maxTokenLifetimeDays\":365,\"revokeTokensOnLogout\":true}");
		endpoints.put("PUT /api/v1/users/" + user + "/license", "{\"licensed\":true}");
		endpoints.put("PUT /api/v1/users/" + user + "/role", "{\"role\":\"ORG_ADMIN\"}");
		endpoints.put("POST /api/v1/clients", "{\"name\":\"c\"}");
		endpoints.put("POST /api/v1/leaks", "[{\"token\":\"lkp_x\",\"type\":\"t\",\"url\":\"u\",\"source\":\"s\"}]");
		// appended, never inserted: a committed input's first byte picks its endpoint by
		// position
		endpoints.put("PATCH /api/v1/tokens/" + patchTarget(),
				"{\"name\":\"p\",\"description\":\"d\",\"scopes\":[\"api\",\"fuzz\"],"
						+ "\"allowedIps\":[\"198.51.100.0/24\",\"2001:db8::/32\"]}");
		endpoints.put("POST /api/v1/scopes", "{\"name\":\"s\",\"description\":\"d\"}");
		endpoints.put("POST /api/v1/tokens (scopes)",
				"{\"name\":\"n\",\"scopes\":[\"read_api\",\"fuzz\"],\"allowedIps\":[\"203.0.113.7\",\"10.0.0.0/8\"]}");
		this.endpoints = endpoints;
		return endpoints;
	}

	/**
	 * A token of the tenant's admin for the fuzzed {@code PATCH} (not the one the
	 * requests carry, which a narrowed scope would lock out), holding {@code api} and the
	 * organisation's scope {@code fuzz}.
	 */
	private String patchTarget() {
		this.api.post("/api/v1/scopes", this.tenant.adminToken(), "{\"name\":\"fuzz\"}");
		ApiResponse created = this.api.post("/api/v1/tokens", this.tenant.adminToken(),
				"{\"name\":\"patched\",\"scopes\":[\"api\",\"fuzz\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("id");
	}

	/** Sends one body as the tenant's admin; never a 5xx, never an exception's text. */
	private int send(String endpoint, String body) {
		String[] call = endpoint.split(" ");
		ApiResponse response = switch (call[0]) {
			case "PUT" -> this.api.put(call[1], this.tenant.adminToken(), body);
			case "PATCH" -> this.api.send(this.api.raw(call[1])
				.header("Authorization", "Bearer " + this.tenant.adminToken())
				.header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
			default -> this.api.post(call[1], this.tenant.adminToken(), body);
		};
		assertThat(response.status()).as(endpoint + " with " + body).isLessThan(500);
		assertThat(response.body()).as(endpoint).doesNotContain("Exception").doesNotContain("\tat ");
		return response.status();
	}

	/** Generated request bodies. */
	static final class Bodies {

		private static final List<String> ODD = List.of("", " ", "\u0000", "\uD83D\uDD11", "\u202E", "\\", "\"",
				"' OR 1=1 --", "<script>", "%00", "lkp_", "9".repeat(400), "ä".repeat(300), "\n\r\t");

		private final Random random;

		Bodies(Random random) {
			this.random = random;
		}

		String next(String valid) {
			return switch (this.random.nextInt(6)) {
				case 0 -> value(0);
				case 1 -> mutateValue(valid);
				case 2 -> dropOrAdd(valid);
				case 3 -> truncate(valid);
				case 4 -> nest(this.random.nextInt(2000));
				default -> bytes();
			};
		}

		private String value(int depth) {
			int pick = this.random.nextInt(depth > 3 ? 6 : 8);
			return switch (pick) {
				case 0 -> "null";
				case 1 -> Boolean.toString(this.random.nextBoolean());
				case 2 -> Long.toString(this.random.nextLong());
				case 3 -> this.random.nextDouble() * Math.pow(10, this.random.nextInt(40) - 20) + "";
				case 4 -> "1" + "0".repeat(this.random.nextInt(500));
				case 5 -> string();
				case 6 -> "[" + value(depth + 1) + "," + value(depth + 1) + "]";
				default -> "{" + string() + ":" + value(depth + 1) + "," + string() + ":" + value(depth + 1) + "}";
			};
		}

		private String string() {
			String text = ODD.get(this.random.nextInt(ODD.size()));
			return "\"" + text.replace("\\", "\\\\")
				.replace("\"", "\\\"")
				.replace("\u0000", "\\u0000")
				.replace("\n", "\\n")
				.replace("\r", "\\r")
				.replace("\t", "\\t") + "\"";
		}

		private String mutateValue(String valid) {
			return valid.replaceFirst(":(\"[^\"]*\"|[0-9a-z]+)", ":" + value(0));
		}

		private String dropOrAdd(String valid) {
			return this.random.nextBoolean() ? valid.replaceFirst("\"[a-zA-Z]+\":[^,}]+,?", "")
					: valid.replaceFirst("\\{", "{" + string() + ":" + value(0) + ",");
		}

		private String truncate(String valid) {
			return valid.substring(0, this.random.nextInt(valid.length()));
		}

		private String nest(int depth) {
			return "[".repeat(depth) + "]".repeat(this.random.nextInt(depth + 1));
		}

		private String bytes() {
			byte[] bytes = new byte[this.random.nextInt(200)];
			this.random.nextBytes(bytes);
			return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
		}

	}

}
