package dev.latchkey.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A plain HTTP client for the API under test: real requests over loopback, nothing
 * mocked. Every response it sees is kept, so tests can search all of them for secrets.
 */
public final class Api {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private final List<ApiResponse> seen = new ArrayList<>();

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public ApiResponse get(String path, @Nullable String token) {
		return send(request(path, token).GET());
	}

	public ApiResponse post(String path, @Nullable String token, @Nullable String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST((json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody()));
	}

	public ApiResponse put(String path, @Nullable String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
	}

	public ApiResponse patch(String path, @Nullable String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.method("PATCH", BodyPublishers.ofString(json)));
	}

	public ApiResponse delete(String path, @Nullable String token) {
		return send(request(path, token).DELETE());
	}

	/** A request with no credentials added; the test sets whatever headers it needs. */
	public HttpRequest.Builder raw(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
	}

	public ApiResponse send(HttpRequest.Builder request) {
		try {
			var response = CLIENT.send(request.build(), BodyHandlers.ofString());
			ApiResponse result = new ApiResponse(response.statusCode(), response.headers(), response.body());
			SecretCanary.scan(result.body());
			synchronized (this.seen) {
				this.seen.add(result);
			}
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public List<ApiResponse> seen() {
		synchronized (this.seen) {
			return List.copyOf(this.seen);
		}
	}

	private HttpRequest.Builder request(String path, @Nullable String token) {
		HttpRequest.Builder builder = raw(path);
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

}
