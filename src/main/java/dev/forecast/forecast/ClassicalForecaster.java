package dev.forecast.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.forecast.error.BadRequestException;
import dev.forecast.forecast.stats.FittedModel;
import dev.forecast.series.SeriesView;
import org.hipparchus.exception.MathRuntimeException;

/**
 * The one {@link Forecaster} of every {@link ClassicalMethod}: the seasonal period from
 * {@code season} or the frequency, the method's own options, and a {@link FittingModel}
 * that fits the method to the last {@code history} points before the origin (the whole
 * series when it is shorter).
 */
final class ClassicalForecaster implements Forecaster {

	private final ClassicalMethod method;

	private final int history;

	ClassicalForecaster(ClassicalMethod method, int history) {
		this.method = method;
		this.history = history;
	}

	@Override
	public Method method() {
		return this.method.method();
	}

	@Override
	public ForecastModel bind(SeriesView series, ForecastParams params) {
		int period = period(series, params);
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("season", period);
		shown.putAll(this.method.options(params));
		return new Model(this.method, params, period, (int) Math.min(series.length(), this.history), shown);
	}

	/**
	 * The seasonal period: {@code season} when given (1 up to the length), else the
	 * frequency's (12 monthly, 4 quarterly, 7 daily, 24 hourly, 52 weekly), else 1. A
	 * method decides itself whether the series is long and seasonal enough to use it.
	 */
	static int period(SeriesView series, ForecastParams params) {
		return params.season() == null ? MethodParameters.frequencySeason(series)
				: MethodParameters.season(series, params, 1);
	}

	/**
	 * Fits {@code method} to {@code y}; a series the method cannot take is a 400 naming
	 * {@code method} and why.
	 */
	static FittedModel fit(ClassicalMethod method, double[] y, int period, ForecastParams params) {
		try {
			return method.fit(y, period, params);
		}
		catch (IllegalArgumentException | MathRuntimeException ex) {
			throw BadRequestException.invalid("method",
					method.method().code() + " cannot be fitted to these " + y.length + " points: " + ex.getMessage());
		}
	}

	record Model(ClassicalMethod method, ForecastParams request, int period, int lookback,
			Map<String, Object> params) implements FittingModel {

		@Override
		public FittedModel fit(double[] x, int end) {
			int from = Math.max(0, end - this.lookback);
			return RecentFits.get(x, from, end, this.method.method(), this.period, this.request,
					() -> ClassicalForecaster.fit(this.method, Arrays.copyOfRange(x, from, end), this.period,
							this.request));
		}

	}

}
