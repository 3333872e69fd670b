package dev.latchkey.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.latchkey.token.TokenUsage.UsageDay;

/**
 * A token's requests per UTC day as a bar chart the page draws as inline SVG: the
 * geometry is computed here, so the template only places what it is given. Coordinates
 * are in the SVG's own units ({@link #WIDTH} × {@link #HEIGHT}); the stylesheet scales
 * the chart to the page's width.
 * <p>
 * The axis runs from 0 to {@link #scaleMax}, the busiest day's count rounded up to 1, 2
 * or 5 times a power of ten, so the label reads well. Every day has a slot, so a day
 * without requests shows as an empty slot; a day with requests is at least
 * {@link #MIN_BAR} high however busy the busiest, so it never looks like none.
 *
 * @param bars one bar per day, oldest first
 * @param total the requests of all days
 * @param scaleMax the count at the top of the axis; 0 when there were no requests
 */
record UsageChart(List<Bar> bars, long total, long scaleMax) {

	static final double WIDTH = 640;

	static final double HEIGHT = 200;

	static final double PLOT_LEFT = 48;

	static final double PLOT_RIGHT = WIDTH - 8;

	static final double PLOT_TOP = 10;

	static final double PLOT_BOTTOM = HEIGHT - 30;

	/** How high a bar of a day with requests is at least. */
	static final double MIN_BAR = 2;

	/** The share of its slot a bar takes; the rest is the gap between bars. */
	private static final double BAR_SHARE = 0.7;

	static UsageChart of(List<UsageDay> days) {
		if (days.isEmpty()) {
			throw new IllegalArgumentException("A chart needs at least one day");
		}
		long busiest = days.stream().mapToLong(UsageDay::requests).max().orElse(0);
		long total = days.stream().mapToLong(UsageDay::requests).sum();
		long scaleMax = niceCeiling(busiest);
		double slot = (PLOT_RIGHT - PLOT_LEFT) / days.size();
		double plotHeight = PLOT_BOTTOM - PLOT_TOP;
		List<Bar> bars = new ArrayList<>(days.size());
		for (int i = 0; i < days.size(); i++) {
			UsageDay day = days.get(i);
			double height = 0;
			if (day.requests() > 0) {
				height = Math.max(MIN_BAR, plotHeight * day.requests() / scaleMax);
			}
			double slotX = PLOT_LEFT + i * slot;
			bars.add(new Bar(day.date(), day.requests(), round(slotX), round(slot),
					round(slotX + slot * (1 - BAR_SHARE) / 2), round(slot * BAR_SHARE), round(PLOT_BOTTOM - height),
					round(height)));
		}
		return new UsageChart(List.copyOf(bars), total, scaleMax);
	}

	/**
	 * The smallest of 1, 2 and 5 times a power of ten that is at least {@code count}; 0
	 * for 0.
	 */
	static long niceCeiling(long count) {
		if (count <= 0) {
			return 0;
		}
		long power = 1;
		while (true) {
			for (long step : new long[] { 1, 2, 5 }) {
				if (step * power >= count) {
					return step * power;
				}
			}
			if (power > Long.MAX_VALUE / 100) {
				return count;
			}
			power *= 10;
		}
	}

	public LocalDate first() {
		return this.bars.get(0).date();
	}

	public LocalDate last() {
		return this.bars.get(this.bars.size() - 1).date();
	}

	/** The chart's name, for its {@code <title>} and the table's caption. */
	public String title() {
		return "Requests per day, last " + this.bars.size() + " days";
	}

	/** What the chart shows, in words, for those who cannot see it. */
	public String description() {
		if (this.total == 0) {
			return "No requests from " + first() + " to " + last() + " (UTC days).";
		}
		Bar busiest = this.bars.stream().max(Comparator.comparingLong(Bar::requests)).orElseThrow();
		return countText(this.total) + " from " + first() + " to " + last() + " (UTC days); the busiest day was "
				+ busiest.date() + " with " + countText(busiest.requests()) + ".";
	}

	public String viewBox() {
		return "0 0 " + (int) WIDTH + " " + (int) HEIGHT;
	}

	public double plotLeft() {
		return PLOT_LEFT;
	}

	public double plotRight() {
		return PLOT_RIGHT;
	}

	public double plotTop() {
		return PLOT_TOP;
	}

	public double plotBottom() {
		return PLOT_BOTTOM;
	}

	/** Where the date labels stand, under the axis. */
	public double labelY() {
		return PLOT_BOTTOM + 20;
	}

	static String countText(long count) {
		return (count == 1) ? "1 request" : String.format(java.util.Locale.ROOT, "%,d requests", count);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * One day: its slot (the full height, drawn faint) and its bar.
	 */
	record Bar(LocalDate date, long requests, double slotX, double slotWidth, double x, double width, double y,
			double height) {

		/** The bar's tooltip, e.g. "2026-12-01: 12 requests". */
		public String label() {
			return this.date + ": " + countText(this.requests);
		}

		/** The middle of the bar, where its date label is centred. */
		public double centre() {
			return round(this.x + this.width / 2);
		}

	}

}
