package dev.latchkey.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import dev.latchkey.token.TokenUsage.UsageDay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UsageChartUnitTests {

	private static final LocalDate FIRST = LocalDate.parse("2026-11-03");

	private static final double PLOT_HEIGHT = UsageChart.PLOT_BOTTOM - UsageChart.PLOT_TOP;

	@Test
	void thirtyDaysWithoutRequestsDrawThirtyEmptySlotsAndAZeroAxis() {
		// given
		List<UsageDay> days = days(new long[30]);

		// when
		UsageChart chart = UsageChart.of(days);

		// then
		assertThat(chart.bars()).hasSize(30);
		assertThat(chart.bars()).allSatisfy((bar) -> {
			assertThat(bar.height()).isZero();
			assertThat(bar.y()).isEqualTo(UsageChart.PLOT_BOTTOM);
			assertThat(bar.slotWidth()).isPositive();
		});
		assertThat(chart.total()).isZero();
		assertThat(chart.scaleMax()).isZero();
		assertThat(chart.first()).isEqualTo(FIRST);
		assertThat(chart.last()).isEqualTo(FIRST.plusDays(29));
		assertThat(chart.description()).isEqualTo("No requests from 2026-11-03 to 2026-12-02 (UTC days).");
	}

	@Test
	void oneHugeDayFillsThePlotAndASmallDayStillShows() {
		// given
		long[] requests = new long[30];
		requests[10] = 1_000_000;
		requests[11] = 1;

		// when
		UsageChart chart = UsageChart.of(days(requests));

		// then
		assertThat(chart.scaleMax()).isEqualTo(1_000_000);
		assertThat(chart.bars().get(10).height()).isEqualTo(PLOT_HEIGHT);
		assertThat(chart.bars().get(10).y()).isEqualTo(UsageChart.PLOT_TOP);
		assertThat(chart.bars().get(11).height()).isEqualTo(UsageChart.MIN_BAR);
		assertThat(chart.bars().get(12).height()).isZero();
		assertThat(chart.total()).isEqualTo(1_000_001);
		assertThat(chart.description()).contains("1,000,001 requests").contains("2026-11-13 with 1,000,000 requests");
	}

	@Test
	void thirtyDaysAreScaledToTheBusiestRoundedUpAndLaidOutLeftToRightWithoutOverlap() {
		// given
		long[] requests = LongStream.rangeClosed(1, 30).map((day) -> day * 3).toArray();

		// when
		UsageChart chart = UsageChart.of(days(requests));

		// then: the busiest day has 90, the axis ends at 100
		assertThat(chart.scaleMax()).isEqualTo(100);
		assertThat(chart.bars().get(29).height()).isCloseTo(PLOT_HEIGHT * 0.9, within(0.1));
		assertThat(chart.bars().get(14).height()).isCloseTo(PLOT_HEIGHT * 0.45, within(0.1));
		for (int i = 1; i < 30; i++) {
			UsageChart.Bar before = chart.bars().get(i - 1);
			UsageChart.Bar bar = chart.bars().get(i);
			assertThat(bar.date()).isEqualTo(before.date().plusDays(1));
			assertThat(bar.x()).isGreaterThan(before.x() + before.width());
			assertThat(bar.height()).isGreaterThan(before.height());
			assertThat(bar.y() + bar.height()).isCloseTo(UsageChart.PLOT_BOTTOM, within(0.11));
		}
		assertThat(chart.bars().get(0).slotX()).isEqualTo(UsageChart.PLOT_LEFT);
		UsageChart.Bar last = chart.bars().get(29);
		assertThat(last.slotX() + last.slotWidth()).isCloseTo(UsageChart.PLOT_RIGHT, within(0.2));
		assertThat(chart.total()).isEqualTo(3 * 465);
		assertThat(last.label()).isEqualTo("2026-12-02: 90 requests");
	}

	@Test
	void theAxisEndsAtOneTwoOrFiveTimesAPowerOfTen() {
		assertThat(UsageChart.niceCeiling(0)).isZero();
		assertThat(UsageChart.niceCeiling(1)).isEqualTo(1);
		assertThat(UsageChart.niceCeiling(3)).isEqualTo(5);
		assertThat(UsageChart.niceCeiling(7)).isEqualTo(10);
		assertThat(UsageChart.niceCeiling(10)).isEqualTo(10);
		assertThat(UsageChart.niceCeiling(11)).isEqualTo(20);
		assertThat(UsageChart.niceCeiling(201)).isEqualTo(500);
		assertThat(UsageChart.niceCeiling(999_999)).isEqualTo(1_000_000);
	}

	@Test
	void oneRequestIsSaidInTheSingular() {
		// when
		UsageChart chart = UsageChart.of(days(new long[] { 0, 1 }));

		// then
		assertThat(chart.bars().get(1).label()).isEqualTo("2026-11-04: 1 request");
		assertThat(chart.description()).startsWith("1 request from 2026-11-03 to 2026-11-04");
	}

	private static List<UsageDay> days(long[] requests) {
		List<UsageDay> days = new ArrayList<>();
		for (int i = 0; i < requests.length; i++) {
			days.add(new UsageDay(FIRST.plusDays(i), requests[i]));
		}
		return days;
	}

}
