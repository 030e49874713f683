package dev.forecast.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.forecast.forecast.stats.FittedModel;

/**
 * A {@link ForecastModel} that fits a classical model to the data before the origin as a
 * whole, rather than applying a one-step rule: forecasts and their intervals come from
 * the {@link FittedModel} ({@code forecast ± z * sqrt(variance)}), a forecast fits once
 * per series state (cached by {@link ForecastService}) and a backtest refits at every
 * scored origin on the points before it only.
 */
interface FittingModel extends ForecastModel {

	/** Fits the model to {@code x[max(0, end - lookback()), end)}. */
	FittedModel fit(double[] x, int end);

	/**
	 * Passes over its history one fit makes, about: the optimizer's evaluations of the
	 * likelihood (and the models an automatic choice compares).
	 */
	long FIT_PASSES = 20_000;

	/** A fit to {@code lookback()} points, then {@code horizon} steps. */
	@Override
	default long cost(int horizon) {
		return FIT_PASSES * lookback() + horizon;
	}

	/** The fewest points a fit takes. */
	default int minPoints() {
		return 2;
	}

	/**
	 * The response's {@code params}: the request's, the model's name, AICc and estimates.
	 */
	default Map<String, Object> describe(FittedModel fitted) {
		Map<String, Object> out = new LinkedHashMap<>(params());
		out.put("model", fitted.name());
		if (Double.isFinite(fitted.aicc())) {
			out.put("aicc", fitted.aicc());
		}
		out.putAll(fitted.parameters());
		return out;
	}

	@Override
	default double next(double[] x, int end) {
		return fit(x, end).forecast(1)[0];
	}

	@Override
	default double[] forecast(double[] x, int end, int horizon) {
		return fit(x, end).forecast(horizon);
	}

	/**
	 * Fitted models bring their intervals from their variances, not from one-step
	 * residuals.
	 */
	@Override
	default double[] residuals(double[] x, int from) {
		double[] none = new double[x.length];
		Arrays.fill(none, Double.NaN);
		return none;
	}

}
