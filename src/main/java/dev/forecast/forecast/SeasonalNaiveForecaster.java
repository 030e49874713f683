package dev.forecast.forecast;

import java.util.Map;

import dev.forecast.series.SeriesView;

import org.springframework.stereotype.Component;

/**
 * {@code seasonal_naive}: each step forecasts the value one season earlier,
 * {@code x(t - season)}.
 */
@Component
class SeasonalNaiveForecaster implements Forecaster {

	@Override
	public Method method() {
		return Method.SEASONAL_NAIVE;
	}

	@Override
	public ForecastModel bind(SeriesView series, ForecastParams params) {
		return new Model(MethodParameters.season(series, params, 1));
	}

	record Model(int season) implements ForecastModel {

		@Override
		public Map<String, Object> params() {
			return Map.of("season", this.season);
		}

		@Override
		public int lookback() {
			return this.season;
		}

		@Override
		public double next(double[] x, int end) {
			return x[end - this.season];
		}

	}

}
