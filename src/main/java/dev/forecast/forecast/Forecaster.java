package dev.forecast.forecast;

import dev.forecast.series.SeriesView;

/**
 * A forecasting method (strategy). Implementations are Spring beans collected by
 * {@link Forecasters}, one per {@link Method}; a {@code neural} forecaster is added the
 * same way by the training feature.
 * <p>
 * {@link #bind} checks the request's parameters against the series (throwing
 * {@code BadRequestException.invalid(parameter, ...)} for a bad one, or another
 * {@code ApiException}, for example 409 when there is no model) and returns a
 * {@link ForecastModel} that says how many trailing points it reads. A forecast then
 * reads only {@code lookback() + residual window} points from the end of the series.
 */
public interface Forecaster {

	Method method();

	ForecastModel bind(SeriesView series, ForecastParams params);

}
