package dev.forecast.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.forecast.error.ApiException;
import dev.forecast.error.BadRequestException;
import dev.forecast.forecast.stats.Combination;
import dev.forecast.forecast.stats.FittedModel;
import dev.forecast.series.SeriesView;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code auto}: the mean of the forecasts of every {@link ClassicalMethod} this service
 * has (theta, and ets and arima where present) that can be fitted to the data before the
 * origin ({@link Combination}), and of the series' best neural run when it beats naive on
 * its validation ({@link NeuralMember}, forecasts from the end of the series only);
 * nothing after the origin is read. The response's {@code params} name the members, their
 * fitted models, the ones dropped and why.
 */
@Component
class AutoForecaster implements Forecaster {

	static final String WHY = "The equal-weight mean of the classical methods' forecasts: on the M3 competition "
			+ "combining ETS, ARIMA and Theta beats each of them alone, and no choice among them has to be made "
			+ "from a short past. The series' best succeeded neural run joins them, used as trained, only when it "
			+ "beats naive on its own validation, and only in forecasts from the end of the series: backtests "
			+ "leave it out, since it was trained and selected on points a holdout may contain. Intervals take "
			+ "the mean of the members' standard deviations (the neural member's from its conformal 80% interval).";

	private final List<ClassicalMethod> methods;

	private final ForecastProperties properties;

	private final TrainedModels models;

	private final NeuralPasses passes;

	AutoForecaster(List<ClassicalMethod> methods, ForecastProperties properties, TrainedModels models,
			MeterRegistry registry) {
		this.methods = List.copyOf(methods);
		this.properties = properties;
		this.models = models;
		this.passes = new NeuralPasses(registry);
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
		int classical = (int) Math.min(series.length(), this.properties.classicalHistory());
		NeuralMember neural = NeuralMember.of(this.models, series, this.passes);
		shown.put(NeuralMember.CODE, neural.shown());
		return new Model(this.methods, params, period, classical, Math.max(classical, neural.window()), neural, shown);
	}

	/**
	 * @param classical the trailing points the classical members are fitted to
	 * @param lookback the trailing points a fit reads: those and the neural member's
	 * window
	 */
	record Model(List<ClassicalMethod> methods, ForecastParams request, int period, int classical, int lookback,
			NeuralMember neural, Map<String, Object> params) implements FittingModel {

		/**
		 * The classical members fitted to the points before {@code end}, and the neural
		 * member when {@code end} is the end of the series ({@code x} is always a tail of
		 * the series, so any earlier {@code end} is a backtest origin).
		 */
		@Override
		public FittedModel fit(double[] x, int end) {
			Map<String, FittedModel> fitted = new LinkedHashMap<>();
			Map<String, String> dropped = new LinkedHashMap<>();
			for (ClassicalMethod method : this.methods) {
				ClassicalForecaster.Model member = new ClassicalForecaster.Model(method, this.request, this.period,
						this.classical, Map.of());
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
			if (this.neural.dropped() != null) {
				dropped.put(NeuralMember.CODE, this.neural.dropped());
			}
			else if (end < x.length) {
				dropped.put(NeuralMember.CODE, NeuralMember.NOT_IN_BACKTESTS);
			}
			else {
				fitted.put(NeuralMember.CODE, this.neural.fit(x, end));
			}
			return new Combination(fitted, dropped, WHY);
		}

	}

}
