package dev.forecast.series;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Infers the step of a series from its timestamps and counts the missing steps (gaps).
 * The step is the smallest spacing between consecutive points; month-like spacings
 * (28-31, 89-92 or 365-366 days) become calendar steps, anchored on month-ends when every
 * point is a month-end. A series is regular when every point lies a whole number of steps
 * after the first one; gaps are the steps that have no point. An irregular series has no
 * frequency.
 */
public final class FrequencyInference {

	private static final long DAY = 86_400;

	private FrequencyInference() {
	}

	/**
	 * The step and gap count of a series, or {@code frequency == null} when it is
	 * irregular.
	 */
	public record Result(Frequency frequency, long gaps) {

		static final Result IRREGULAR = new Result(null, 0);

	}

	public static Result infer(Observations points) {
		int n = points.size();
		if (n < 2) {
			return Result.IRREGULAR;
		}
		long[] t = points.times();
		long minStep = Long.MAX_VALUE;
		boolean allMonthEnds = true;
		for (int i = 1; i < n; i++) {
			minStep = Math.min(minStep, t[i] - t[i - 1]);
		}
		for (int i = 0; i < n && allMonthEnds; i++) {
			allMonthEnds = t[i] % DAY == 0 && Frequency.isMonthEnd(points.time(i));
		}
		Frequency candidate = candidate(minStep, allMonthEnds);
		return check(points, candidate);
	}

	/**
	 * Missing steps between consecutive {@code points} on the grid of {@code frequency}
	 * anchored at {@code anchor}, or -1 when a point is off that grid.
	 */
	public static long gaps(Frequency frequency, LocalDateTime anchor, Observations points) {
		long previous = Long.MIN_VALUE;
		long missing = 0;
		for (int i = 0; i < points.size(); i++) {
			long index = frequency.stepsBetween(anchor, points.time(i));
			if (index < 0 || (previous != Long.MIN_VALUE && index <= previous)) {
				return -1;
			}
			if (previous != Long.MIN_VALUE) {
				missing += index - previous - 1;
			}
			previous = index;
		}
		return missing;
	}

	private static Frequency candidate(long minStep, boolean monthEnds) {
		long days = minStep / DAY;
		boolean wholeDays = minStep % DAY == 0;
		if (wholeDays && days >= 28 && days <= 31) {
			return Frequency.monthly(monthEnds);
		}
		if (wholeDays && days >= 89 && days <= 92) {
			return Frequency.quarterly(monthEnds);
		}
		if (wholeDays && (days == 365 || days == 366)) {
			return Frequency.yearly(monthEnds);
		}
		return Frequency.fixed(Duration.ofSeconds(minStep));
	}

	private static Result check(Observations points, Frequency candidate) {
		long missing = gaps(candidate, points.time(0), points);
		return missing < 0 ? Result.IRREGULAR : new Result(candidate, missing);
	}

}
