package dev.forecast.forecast;

import java.util.Map;

import dev.forecast.series.SeriesView;

import org.springframework.stereotype.Component;

/**
 * {@code moving_average}: the mean of the last {@code window} values (weekly sales 39,
 * 44, 40 give 41 for week 4). Later steps average over the earlier forecasts too.
 */
@Component
class MovingAverageForecaster implements Forecaster {

	@Override
	public Method method() {
		return Method.MOVING_AVERAGE;
	}

	@Override
	public ForecastModel bind(SeriesView series, ForecastParams params) {
		return new Model(MethodParameters.window(series, params, series.length()));
	}

	record Model(int window) implements ForecastModel {

		@Override
		public Map<String, Object> params() {
			return Map.of("window", this.window);
		}

		@Override
		public int lookback() {
			return this.window;
		}

		@Override
		public double next(double[] x, int end) {
			return MethodParameters.mean(x, end - this.window, end);
		}

	}

}
