package dev.forecast.forecast;

import dev.forecast.error.BadRequestException;
import dev.forecast.series.Frequency;
import dev.forecast.series.Series;

/** Checks and defaults the per-method parameters against a series; a bad one is a 400 naming it. */
final class MethodParameters {

	/** Moving-average length when the request gives none. */
	static final int DEFAULT_WINDOW = 30;

	private MethodParameters() {
	}

	/** {@code window}: 1 up to the series length. */
	static int window(Series series, ForecastParams params) {
		int window = params.window() == null ? DEFAULT_WINDOW : params.window();
		String given = params.window() == null ? " (the default)" : "";
		if (window <= 0) {
			throw BadRequestException.invalid("window", "must be 1 or more, was " + window);
		}
		if (window > series.getLength()) {
			throw BadRequestException.invalid("window", "window " + window + given + " is longer than the series ("
					+ series.getLength() + " points); pass a smaller window");
		}
		return window;
	}

	/**
	 * {@code season}: any positive lag shorter than the series; the default comes from the
	 * frequency (12 monthly, 7 daily, 24 hourly, 52 weekly, 4 quarterly, 1 yearly).
	 */
	static int season(Series series, ForecastParams params) {
		Integer season = params.season();
		if (season == null) {
			Frequency frequency = series.getFrequency();
			if (frequency == null) {
				throw BadRequestException.invalid("season",
						"is required: the series has no regular frequency to take a default season from");
			}
			season = frequency.defaultSeason();
		}
		if (season <= 0) {
			throw BadRequestException.invalid("season", "must be 1 or more, was " + season);
		}
		if (season >= series.getLength()) {
			throw BadRequestException.invalid("season", "season " + season + " must be shorter than the series ("
					+ series.getLength() + " points)");
		}
		return season;
	}

	/** {@code smoothing}: 0 (none) up to {@code season - 1}, so the centred average reads only the past. */
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
