package dev.forecast.forecast;

import java.util.Map;

import dev.forecast.series.SeriesView;

import org.springframework.stereotype.Component;

/** {@code naive}: every step forecasts the last observed value. */
@Component
class NaiveForecaster implements Forecaster {

	@Override
	public Method method() {
		return Method.NAIVE;
	}

	@Override
	public ForecastModel bind(SeriesView series, ForecastParams params) {
		return new Model();
	}

	static final class Model implements ForecastModel {

		@Override
		public Map<String, Object> params() {
			return Map.of();
		}

		@Override
		public int lookback() {
			return 1;
		}

		@Override
		public double next(double[] x, int end) {
			return x[end - 1];
		}

	}

}
