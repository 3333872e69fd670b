import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Revokes tokens on instance A and polls instance B until B refuses them; prints p50, p99
 * and max of the time from the revoke call returning to B's first refusal (which includes
 * that refused request's own round trip), and checks that A refuses each token as soon as
 * the revoke returned. Run by
 * scripts/bench-revocation.sh: java scripts/RevocationTiming.java A_URL B_URL ADMIN_TOKEN
 * COUNT
 */
public class RevocationTiming {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern FIELD = Pattern.compile("\"(id|token)\"\\s*:\\s*\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String a = args[0];
		String b = args[1];
		String admin = args[2];
		int count = Integer.parseInt(args[3]);
		long[] nanos = new long[count];
		int acceptedByA = 0;
		// The HTTP client runs interpreted at first, taking milliseconds per request; warm it
		// up so that what is measured is the servers, not the client.
		for (int i = 0; i < 3_000; i++) {
			status((i % 2 == 0) ? a : b, admin);
		}
		for (int i = 0; i < count; i++) {
			String created = send(a, "POST", "/api/v1/tokens", admin, "{\"name\":\"revocation-" + i + "\"}", 201);
			String id = field(created, "id");
			String secret = field(created, "token");
			send(b, "GET", "/api/v1/me", secret, null, 200);
			send(a, "GET", "/api/v1/me", secret, null, 200);

			send(a, "POST", "/api/v1/tokens/" + id + "/revoke", admin, null, 200);
			long returned = System.nanoTime();
			// A is asked at the same moment B is first polled, so that neither waits on the other.
			CompletableFuture<HttpResponse<Void>> onA = HTTP.sendAsync(request(a, "/api/v1/me", secret).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			while (status(b, secret) != 401) {
				if (System.nanoTime() - returned > Duration.ofSeconds(30).toNanos()) {
					throw new IllegalStateException("B still accepts token " + id + " 30 s after the revoke");
				}
				// Poll every millisecond rather than flat out: a busy loop would take the CPU
				// from the instance being measured on a small machine.
				LockSupport.parkNanos(1_000_000);
			}
			nanos[i] = System.nanoTime() - returned;
			if (onA.get().statusCode() != 401) {
				acceptedByA++;
			}
			send(a, "DELETE", "/api/v1/tokens/" + id, admin, null, 204);
		}
		Arrays.sort(nanos);
		System.out.printf("revocations: %d%n", count);
		System.out.printf("time until B refuses, from the revoke call returning on A: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
				ms(percentile(nanos, 0.50)), ms(percentile(nanos, 0.99)), ms(nanos[count - 1]));
		System.out.printf("requests A accepted after its revoke call returned: %d%n", acceptedByA);
	}

	private static int status(String base, String secret) throws Exception {
		return HTTP.send(request(base, "/api/v1/me", secret).GET().build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static String send(String base, String method, String path, String token, String json, int expected)
			throws Exception {
		HttpRequest.Builder request = request(base, path, token);
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " on " + base + ": " + response.statusCode() + " "
					+ response.body());
		}
		return response.body();
	}

	private static HttpRequest.Builder request(String base, String path, String token) {
		return HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token);
	}

	private static String field(String json, String name) {
		Matcher matcher = FIELD.matcher(json);
		while (matcher.find()) {
			if (matcher.group(1).equals(name)) {
				return matcher.group(2);
			}
		}
		throw new IllegalStateException("no '" + name + "' in " + json);
	}

	private static long percentile(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

}
