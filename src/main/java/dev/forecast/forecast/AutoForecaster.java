package dev.forecast.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.forecast.error.ApiException;
import dev.forecast.error.BadRequestException;
import dev.forecast.forecast.stats.Combination;
import dev.forecast.forecast.stats.FittedModel;
import dev.forecast.series.SeriesView;

import org.springframework.stereotype.Component;

/**
 * {@code auto}: the mean of the forecasts of every {@link ClassicalMethod} this service
 * has (theta, and ets and arima where present) that can be fitted to the data before the
 * origin ({@link Combination}); nothing after the origin is read. The response's
 * {@code params} name the members, their fitted models, the ones dropped and why.
 */
@Component
class AutoForecaster implements Forecaster {

	static final String WHY = "The equal-weight mean of the classical methods' forecasts: on the M3 competition "
			+ "combining ETS, ARIMA and Theta beats each of them alone, and no choice among them has to be made "
			+ "from a short past. Intervals take the mean of the members' standard deviations.";

	private final List<ClassicalMethod> methods;

	private final ForecastProperties properties;

	AutoForecaster(List<ClassicalMethod> methods, ForecastProperties properties) {
		this.methods = List.copyOf(methods);
		this.properties = properties;
	}

	@Override
	public Method method() {
		return Method.AUTO;
	}

	@Override
	public ForecastModel bind(SeriesView series, ForecastParams params) {
		int period = ClassicalForecaster.period(series, params);
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("season", period);
		for (ClassicalMethod method : this.methods) {
			shown.putAll(method.options(params));
		}
		int lookback = (int) Math.min(series.length(), this.properties.classicalHistory());
		return new Model(this.methods, params, period, lookback, shown);
	}

	record Model(List<ClassicalMethod> methods, ForecastParams request, int period, int lookback,
			Map<String, Object> params) implements FittingModel {

		@Override
		public FittedModel fit(double[] x, int end) {
			Map<String, FittedModel> fitted = new LinkedHashMap<>();
			Map<String, String> dropped = new LinkedHashMap<>();
			for (ClassicalMethod method : this.methods) {
				ClassicalForecaster.Model member = new ClassicalForecaster.Model(method, this.request, this.period,
						this.lookback, Map.of());
				try {
					FittedModel model = member.fit(x, end);
					if (Double.isFinite(model.forecast(1)[0])) {
						fitted.put(method.method().code(), model);
					}
					else {
						dropped.put(method.method().code(), "its forecast is not a finite number");
					}
				}
				catch (ApiException ex) {
					dropped.put(method.method().code(), ex.getMessage());
				}
			}
			if (fitted.isEmpty()) {
				throw BadRequestException.invalid("method",
						"auto: none of the classical methods " + "can be fitted to this series: " + dropped);
			}
			return new Combination(fitted, dropped, WHY);
		}

	}

}
