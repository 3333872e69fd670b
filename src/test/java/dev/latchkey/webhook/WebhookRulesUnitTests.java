package dev.latchkey.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signature, the retry schedule and the event names of webhooks.
 */
class WebhookRulesUnitTests {

	private static final Instant EVENT = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void theSignatureIsTheLowerCaseHexHmacSha256OfTheBodyWithTheSecret() {
		// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
		String signature = WebhookSignature.of("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe");

		assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void failedAttemptsAreRetriedAfter10s30s1min5min15min1hThenHourly() {
		assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 20).stream().map(RetrySchedule::delayAfter).toList()).containsExactly(
				Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
				Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
	}

	@Test
	void theJitterAddsAtMostATenthOfTheDelay() {
		RetrySchedule none = new RetrySchedule(Duration.ofHours(24), () -> 0.0);
		RetrySchedule most = new RetrySchedule(Duration.ofHours(24), () -> 0.999_999);

		assertThat(none.next(EVENT, 2, EVENT)).contains(EVENT.plusSeconds(30));
		assertThat(most.next(EVENT, 2, EVENT).orElseThrow()).isBetween(EVENT.plusSeconds(30), EVENT.plusSeconds(33));
	}

	@Test
	void noAttemptIsScheduledPast24HoursAfterTheEvent() {
		RetrySchedule schedule = new RetrySchedule(Duration.ofHours(24), () -> 0.0);

		assertThat(schedule.next(EVENT, 10, EVENT.plus(Duration.ofHours(23)))).isPresent();
		assertThat(schedule.next(EVENT, 11, EVENT.plus(Duration.ofHours(23)).plusSeconds(1))).isEmpty();
	}

	@Test
	void noEventsOrEveryEventMeansAllAndAnUnknownNameIsRefused() {
		assertThat(WebhookEvents.of(null).all()).isTrue();
		assertThat(WebhookEvents.of(List.of()).all()).isTrue();
		assertThat(WebhookEvents.of(WebhookEvents.ALL).all()).isTrue();
		assertThat(WebhookEvents.of(List.of("token.rotated", "token.created")).list()).containsExactly("token.created",
				"token.rotated");
		assertThat(WebhookEvents.of(List.of("token.rotated")).includes("token.revoked")).isFalse();
		assertThatThrownBy(() -> WebhookEvents.of(List.of("token.revoked", "TOKEN.REVOKED")))
			.isInstanceOf(WebhookEvents.UnknownWebhookEvent.class);
	}

	@Test
	void eventsAreStoredAndReadBackAsTheSameSet() {
		WebhookEvents some = WebhookEvents.of(List.of("token.expired", "token.expiry_approaching"));

		assertThat(WebhookEvents.stored(some.stored())).isEqualTo(some);
		assertThat(WebhookEvents.stored(null)).isEqualTo(new WebhookEvents(Set.of()));
	}

	@Test
	void aSettingOutsideItsBoundsStopsTheStart() {
		assertThatThrownBy(() -> new WebhookSettings(false, Duration.ofSeconds(30), Duration.ofSeconds(5),
				Duration.ofSeconds(10), Duration.ofHours(24), Duration.ofDays(30), 20))
			.hasMessageContaining("send-interval");
		assertThatThrownBy(() -> new WebhookSettings(false, Duration.ofSeconds(2), Duration.ofSeconds(5),
				Duration.ofSeconds(10), Duration.ofHours(24), Duration.ofDays(30), 0))
			.hasMessageContaining("max-per-organisation");
	}

}
