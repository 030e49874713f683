package dev.forecast.forecast;

import dev.forecast.error.BadRequestException;
import dev.forecast.series.Frequency;
import dev.forecast.series.SeriesView;

/**
 * Checks and defaults the per-method parameters against a series; a bad one is a 400
 * naming it.
 */
final class MethodParameters {

	/**
	 * Moving-average length when the request gives none and the frequency has no season.
	 */
	static final int DEFAULT_WINDOW = 3;

	private MethodParameters() {
	}

	/**
	 * {@code window}: 1 up to {@code max} (the series length, or less where the method
	 * reads more); the default is one season of the frequency (12 monthly, 7 daily, ...),
	 * or {@value #DEFAULT_WINDOW} without one, at most {@code max}.
	 */
	static int window(SeriesView series, ForecastParams params, long max) {
		if (params.window() == null) {
			int season = frequencySeason(series);
			return (int) Math.max(1, Math.min(season > 1 ? season : DEFAULT_WINDOW, max));
		}
		int window = params.window();
		if (window <= 0) {
			throw BadRequestException.invalid("window", "must be 1 or more, was " + window);
		}
		if (window > series.length()) {
			throw BadRequestException.invalid("window", "window " + window + " is longer than the series ("
					+ series.length() + " points); pass a smaller window");
		}
		return window;
	}

	/**
	 * {@code season}: any positive lag shorter than the series. The default comes from
	 * the frequency (12 monthly, 7 daily, 24 hourly, 52 weekly, 4 quarterly, 1 yearly)
	 * when the series is longer than {@code room} times it, else 1 (no season: seasonal
	 * naive is then naive), as for an irregular series.
	 */
	static int season(SeriesView series, ForecastParams params, int room) {
		Integer season = params.season();
		if (season == null) {
			int usual = frequencySeason(series);
			return (long) usual * room < series.length() ? usual : 1;
		}
		if (season <= 0) {
			throw BadRequestException.invalid("season", "must be 1 or more, was " + season);
		}
		if (season >= series.length()) {
			throw BadRequestException.invalid("season",
					"season " + season + " must be shorter than the series (" + series.length() + " points)");
		}
		return season;
	}

	/** The season of the series' frequency, 1 for an irregular series. */
	static int frequencySeason(SeriesView series) {
		Frequency frequency = series.frequency();
		return frequency == null ? 1 : frequency.defaultSeason();
	}

	/**
	 * {@code smoothing}: 0 (none) up to {@code season - 1}, so the centred average reads
	 * only the past.
	 */
	static int smoothing(ForecastParams params, int season) {
		int smoothing = params.smoothing() == null ? 0 : params.smoothing();
		if (smoothing < 0) {
			throw BadRequestException.invalid("smoothing", "must be 0 or more, was " + smoothing);
		}
		if (smoothing >= season) {
			throw BadRequestException.invalid("smoothing", "smoothing " + smoothing + " must be less than the season ("
					+ season + ") so the centred average of the past ends before the forecast time");
		}
		return smoothing;
	}

	static double mean(double[] x, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += x[i];
		}
		return sum / (to - from);
	}

}
