package dev.latchkey.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.OrganisationId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AuditQueryUnitTests {

	private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

	private final Instant to = this.clock.instant();

	private final OrganisationId organisation = OrganisationId.random();

	@Test
	void fromMustBeBeforeTo() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> query(this.to, this.to, 0, 50))
			.withMessageContaining("'from'");
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> query(this.to.plusSeconds(1), this.to, 0, 50));
	}

	@Test
	void aQueryMayCoverNinetyDays() {
		// given
		Instant from = this.to.minus(Duration.ofDays(90));

		// when / then
		assertThatNoException().isThrownBy(() -> query(from, this.to, 0, 50));
	}

	@Test
	void aQueryOverNinetyDaysByOneSecondIsRefused() {
		// given
		Instant from = this.to.minus(Duration.ofDays(90)).minusSeconds(1);

		// when / then
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> query(from, this.to, 0, 50))
			.withMessageContaining("90 days");
	}

	@Test
	void pagesAreCountedFromZero() {
		// given
		Instant from = this.to.minus(Duration.ofDays(1));

		// when / then
		assertThatNoException().isThrownBy(() -> query(from, this.to, 0, 50));
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> query(from, this.to, -1, 50))
			.withMessageContaining("'page'");
	}

	@Test
	void aPageHoldsOneToFiveHundredEvents() {
		// given
		Instant from = this.to.minus(Duration.ofDays(1));

		// when / then
		assertThatNoException().isThrownBy(() -> query(from, this.to, 0, 1));
		assertThatNoException().isThrownBy(() -> query(from, this.to, 0, 500));
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> query(from, this.to, 0, 0))
			.withMessageContaining("'size'");
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> query(from, this.to, 0, 501))
			.withMessageContaining("'size'");
	}

	private AuditQuery query(Instant from, Instant to, int page, int size) {
		return new AuditQuery(this.organisation, from, to, null, null, page, size);
	}

}
