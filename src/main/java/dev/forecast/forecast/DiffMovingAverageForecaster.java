package dev.forecast.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.forecast.error.BadRequestException;
import dev.forecast.series.SeriesView;

import org.springframework.stereotype.Component;

/**
 * {@code diff_moving_average}: the trailing moving average of the seasonal differences
 * {@code d(t) = x(t) - x(t - season)} over {@code window} points, plus the past value
 * {@code x(t - season)}. With {@code smoothing = k > 0} the past value is replaced by the
 * centred moving average of {@code x} over {@code [t - season - k, t - season + k]} (the
 * course's "trailing moving average of the differenced series + centred moving average of
 * the past series"); {@code k < season} keeps that average in the past.
 */
@Component
class DiffMovingAverageForecaster implements Forecaster {

	@Override
	public Method method() {
		return Method.DIFF_MOVING_AVERAGE;
	}

	@Override
	public ForecastModel bind(SeriesView series, ForecastParams params) {
		int season = MethodParameters.season(series, params, 2);
		int window = MethodParameters.window(series, params, series.length() - season);
		int smoothing = MethodParameters.smoothing(params, season);
		if (season + Math.max(window, smoothing) > series.length()) {
			throw BadRequestException.invalid("window", "window " + window + " plus season " + season
					+ " needs more points than the series has (" + series.length() + "); pass a smaller window");
		}
		return new Model(window, season, smoothing);
	}

	record Model(int window, int season, int smoothing) implements ForecastModel {

		@Override
		public Map<String, Object> params() {
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("window", this.window);
			params.put("season", this.season);
			params.put("smoothing", this.smoothing);
			return params;
		}

		@Override
		public int lookback() {
			return this.season + Math.max(this.window, this.smoothing);
		}

		@Override
		public double next(double[] x, int end) {
			double differences = 0;
			for (int i = end - this.window; i < end; i++) {
				differences += x[i] - x[i - this.season];
			}
			int past = end - this.season;
			double base = this.smoothing == 0 ? x[past]
					: MethodParameters.mean(x, past - this.smoothing, past + this.smoothing + 1);
			return differences / this.window + base;
		}

	}

}
