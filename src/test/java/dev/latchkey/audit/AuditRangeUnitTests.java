package dev.latchkey.audit;

import java.time.Duration;
import java.time.Instant;

import dev.latchkey.system.InvalidRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuditRangeUnitTests {

	private static final Duration WEEK = Duration.ofDays(7);

	private final Instant now = Instant.parse("2026-06-01T12:00:00Z");

	@Test
	void withoutDatesTheRangeIsTheLastWeekUpToJustAfterNow() {
		// when
		AuditRange range = AuditRange.requested(null, null, this.now, WEEK);

		// then
		assertThat(range.to()).isEqualTo(this.now.plusSeconds(1));
		assertThat(range.from()).isEqualTo(this.now.plusSeconds(1).minus(WEEK));
	}

	@Test
	void aToNearTheEndOfTimeIsRefusedNamingTo() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> AuditRange.requested(null, Instant.MAX, this.now, WEEK))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("to"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> AuditRange.requested(null, Instant.MIN, this.now, WEEK))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("to"));
	}

	@Test
	void datesOutsideTheYears1970To9999AreRefusedNamingTheParameter() {
		// when / then
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> AuditRange.requested(Instant.parse("1969-12-31T23:59:59Z"), null, this.now, WEEK))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("from"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> AuditRange.requested(null, AuditRange.END.plusSeconds(1), this.now, WEEK))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("to"));
	}

	@Test
	void theFirstAndTheLastWeekOfTheCoveredYearsCanBeRead() {
		// when
		AuditRange first = AuditRange.requested(null, Instant.parse("1970-01-02T00:00:00Z"), this.now, WEEK);
		AuditRange last = AuditRange.requested(null, AuditRange.END, this.now, WEEK);

		// then
		assertThat(first.from()).isEqualTo(AuditRange.EARLIEST);
		assertThat(last.to()).isEqualTo(AuditRange.END);
	}

}
