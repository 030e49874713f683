package dev.forecast.forecast;

import java.util.Map;

import dev.forecast.forecast.stats.FittedModel;

/**
 * A classical statistical method (Theta, ETS, ARIMA) as a Spring bean: it fits a
 * {@link FittedModel} to a series, and {@link Forecasters} turns it into a
 * {@link Forecaster} for {@code GET /forecast} and {@code GET /evaluation} (period from
 * the frequency or {@code season}, a bounded tail of the series, the fit cached per
 * series state, intervals from the model's forecast variances, a refit at every origin of
 * a backtest). {@code auto} combines every such bean. A new method is a {@link Method}
 * code and one small bean, for example:
 *
 * <pre>{@code
 * &#64;Component
 * class ThetaMethod implements ClassicalMethod {
 *     public Method method() { return Method.THETA; }
 *     public FittedModel fit(double[] y, int period, ForecastParams params) { return Theta.fit(y, period); }
 * }
 * }</pre>
 */
public interface ClassicalMethod {

	Method method();

	/**
	 * Checks the method's own request parameters (throwing
	 * {@code BadRequestException.invalid(parameter, ...)} for a bad one) and returns them
	 * with defaults filled in, as responses show them. None by default.
	 */
	default Map<String, Object> options(ForecastParams params) {
		return Map.of();
	}

	/**
	 * Fits the model to {@code y} (oldest first, at least 2 values) with seasonal period
	 * {@code period} (1 for none); the forecast starts after the last value. An
	 * {@link IllegalArgumentException} says the series does not suit the method (a 400).
	 */
	FittedModel fit(double[] y, int period, ForecastParams params);

}
