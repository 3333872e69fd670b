package dev.latchkey.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: claims each (so that of several instances exactly one sends it),
 * checks the destination again, POSTs the stored body signed with the webhook's secret,
 * and records how it went. A 2xx answer delivers; anything else is tried again on the
 * {@link RetrySchedule} until the retry period ends, then the delivery has failed.
 * Redirects are not followed: a redirect could lead past the destination check.
 */
@Component
public class WebhookSender {

	static final String USER_AGENT = "Latchkey-Webhooks";

	/** The most deliveries one round claims. */
	static final int BATCH = 100;

	/**
	 * How long after the timeouts a claim lasts, should its instance die while sending.
	 */
	static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

	private static final int MAX_ERROR_LENGTH = 200;

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final Webhooks webhooks;

	private final WebhookDeliveries deliveries;

	private final Destinations destinations;

	private final WebhookSettings settings;

	private final Clock clock;

	private final RetrySchedule retries;

	private final HttpClient http;

	WebhookSender(Webhooks webhooks, WebhookDeliveries deliveries, Destinations destinations, WebhookSettings settings,
			Clock clock) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.destinations = destinations;
		this.settings = settings;
		this.clock = clock;
		this.retries = new RetrySchedule(settings.retryFor(), () -> ThreadLocalRandom.current().nextDouble());
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Claims and sends the deliveries due now, each on its own virtual thread, and waits
	 * for them.
	 * @return how many this call claimed
	 */
	public int sendDue() {
		Instant now = this.clock.instant();
		Instant lease = now.plus(this.settings.connectTimeout())
			.plus(this.settings.requestTimeout())
			.plus(LEASE_MARGIN);
		List<WebhookDelivery> claimed = this.deliveries.due(now, BATCH)
			.stream()
			.filter((delivery) -> this.deliveries.claim(delivery, lease))
			.toList();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (WebhookDelivery delivery : claimed) {
				senders.execute(() -> attempt(delivery));
			}
		}
		return claimed.size();
	}

	/** Forgets delivered and failed deliveries older than the retention period. */
	void forgetOld() {
		int forgotten = this.deliveries.deleteFinishedBefore(this.clock.instant().minus(this.settings.retention()));
		if (forgotten > 0) {
			log.debug("Forgot {} finished webhook deliveries", forgotten);
		}
	}

	private void attempt(WebhookDelivery delivery) {
		Optional<Webhook> webhook = this.webhooks.findById(delivery.webhookId());
		Optional<String> secret = this.webhooks.secretOf(delivery.webhookId());
		if (webhook.isEmpty() || secret.isEmpty()) {
			return; // deleted meanwhile, and its deliveries with it
		}
		int attempts = delivery.attempts() + 1;
		long start = System.nanoTime();
		try {
			URI url = URI.create(webhook.get().url());
			this.destinations.requireAllowed(url);
			int status = post(url, delivery, secret.get());
			if (status >= 200 && status < 300) {
				this.deliveries.delivered(delivery.id(), attempts, status, millisSince(start), this.clock.instant());
			}
			else {
				failed(delivery, attempts, status, millisSince(start), "HTTP " + status);
			}
		}
		catch (Destinations.InsecureDestination ex) {
			failed(delivery, attempts, null, millisSince(start), "Destination refused: " + ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			failed(delivery, attempts, null, millisSince(start), describe(ex));
		}
		catch (InterruptedException ex) {
			// shutting down: the claim ends with its lease and another round sends it
			Thread.currentThread().interrupt();
		}
	}

	private int post(URI url, WebhookDelivery delivery, String secret) throws IOException, InterruptedException {
		byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.settings.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", USER_AGENT)
			.header("X-Latchkey-Event", delivery.eventType())
			.header("X-Latchkey-Delivery", delivery.id().toString())
			.header(WebhookSignature.HEADER, WebhookSignature.of(body, secret))
			.POST(BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<InputStream> response = this.http.send(request, BodyHandlers.ofInputStream());
		// the answer's body is of no interest: closing it unread ends the exchange
		response.body().close();
		return response.statusCode();
	}

	private void failed(WebhookDelivery delivery, int attempts, @Nullable Integer status, long durationMs,
			String error) {
		Instant next = this.retries.next(delivery.createdAt(), attempts, this.clock.instant()).orElse(null);
		this.deliveries.attemptFailed(delivery.id(), attempts, status, durationMs, error, next);
		if (next == null) {
			log.warn("Webhook delivery {} of webhook {} failed for good after {} attempts: {}", delivery.id(),
					delivery.webhookId(), attempts, error);
		}
		else {
			log.debug("Webhook delivery {} attempt {} failed ({}); next at {}", delivery.id(), attempts, error, next);
		}
	}

	private static String describe(Exception ex) {
		String message = (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
		return (message.length() > MAX_ERROR_LENGTH) ? message.substring(0, MAX_ERROR_LENGTH - 1) + "…" : message;
	}

	private static long millisSince(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
	}

}
