package dev.forecast.series;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The step of a regular series. Calendar steps ({@code MONTHLY}, {@code QUARTERLY},
 * {@code YEARLY}) move by months and keep month-end series on month-ends; the others are
 * fixed durations ({@code HOURLY}, {@code DAILY}, {@code WEEKLY}, or any ISO-8601
 * duration such as {@code PT15M}).
 */
public record Frequency(Kind kind, Duration duration, boolean monthEnd) {

	public enum Kind {

		HOURLY(0, 24), DAILY(0, 7), WEEKLY(0, 52), MONTHLY(1, 12), QUARTERLY(3, 4), YEARLY(12, 1), FIXED(0, 1);

		private final int months;

		private final int season;

		Kind(int months, int season) {
			this.months = months;
			this.season = season;
		}

	}

	public static final Frequency HOURLY = new Frequency(Kind.HOURLY, Duration.ofHours(1), false);

	public static final Frequency DAILY = new Frequency(Kind.DAILY, Duration.ofDays(1), false);

	public static final Frequency WEEKLY = new Frequency(Kind.WEEKLY, Duration.ofDays(7), false);

	public static Frequency monthly(boolean monthEnd) {
		return new Frequency(Kind.MONTHLY, null, monthEnd);
	}

	public static Frequency quarterly(boolean monthEnd) {
		return new Frequency(Kind.QUARTERLY, null, monthEnd);
	}

	public static Frequency yearly(boolean monthEnd) {
		return new Frequency(Kind.YEARLY, null, monthEnd);
	}

	/** A fixed step; the named kinds are used for one hour, one day and one week. */
	public static Frequency fixed(Duration step) {
		if (step.equals(HOURLY.duration)) {
			return HOURLY;
		}
		if (step.equals(DAILY.duration)) {
			return DAILY;
		}
		if (step.equals(WEEKLY.duration)) {
			return WEEKLY;
		}
		return new Frequency(Kind.FIXED, step, false);
	}

	/**
	 * Reads a frequency code as the API writes it. A calendar frequency anchored at
	 * {@code anchor} keeps month-ends when the anchor is the last day of its month.
	 * @throws IllegalArgumentException when the code is neither a known name nor a
	 * positive ISO-8601 duration
	 */
	public static Frequency parse(String code, LocalDateTime anchor) {
		String upper = code.trim().toUpperCase(Locale.ROOT);
		boolean monthEnd = isMonthEnd(anchor);
		switch (upper) {
			case "HOURLY":
				return HOURLY;
			case "DAILY":
				return DAILY;
			case "WEEKLY":
				return WEEKLY;
			case "MONTHLY":
				return monthly(monthEnd);
			case "QUARTERLY":
				return quarterly(monthEnd);
			case "YEARLY":
				return yearly(monthEnd);
			default:
				try {
					Duration step = Duration
						.parse(upper.startsWith("P") && !upper.contains("T") ? toTimeForm(upper) : upper);
					if (step.isNegative() || step.isZero()) {
						throw new IllegalArgumentException("the step must be positive");
					}
					return fixed(step);
				}
				catch (DateTimeParseException ex) {
					throw new IllegalArgumentException("'" + code
							+ "' is not a frequency: use HOURLY, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY or an ISO-8601 duration such as PT15M");
				}
		}
	}

	private static String toTimeForm(String period) {
		// Duration.parse understands days ("P2D") but not weeks; accept "P2W" as 14 days.
		if (period.endsWith("W")) {
			long weeks = Long.parseLong(period.substring(1, period.length() - 1));
			return "P" + (weeks * 7) + "D";
		}
		return period;
	}

	public boolean isCalendar() {
		return this.kind.months > 0;
	}

	/**
	 * The code the API shows: the kind's name, or the ISO-8601 duration of a fixed step.
	 */
	public String code() {
		return this.kind == Kind.FIXED ? this.duration.toString() : this.kind.name();
	}

	/** The usual season length for this step (12 for monthly, 7 for daily, ...). */
	public int defaultSeason() {
		return this.kind.season;
	}

	/** The time {@code steps} steps after {@code time}. */
	public LocalDateTime plus(LocalDateTime time, long steps) {
		if (!isCalendar()) {
			return time.plus(this.duration.multipliedBy(steps));
		}
		LocalDateTime shifted = time.plusMonths(steps * this.kind.months);
		return this.monthEnd ? shifted.with(TemporalAdjusters.lastDayOfMonth()) : shifted;
	}

	/**
	 * How many steps lead from {@code from} to the later {@code to}, or -1 when
	 * {@code to} is not a whole number of steps away.
	 */
	public long stepsBetween(LocalDateTime from, LocalDateTime to) {
		if (!isCalendar()) {
			long seconds = ChronoUnit.SECONDS.between(from, to);
			long step = this.duration.toSeconds();
			return seconds % step == 0 ? seconds / step : -1;
		}
		long months = (to.getYear() * 12L + to.getMonthValue()) - (from.getYear() * 12L + from.getMonthValue());
		if (months % this.kind.months != 0) {
			return -1;
		}
		long steps = months / this.kind.months;
		return plus(from, steps).equals(to) ? steps : -1;
	}

	static boolean isMonthEnd(LocalDateTime time) {
		return time != null && time.getDayOfMonth() == time.toLocalDate().lengthOfMonth();
	}

}
