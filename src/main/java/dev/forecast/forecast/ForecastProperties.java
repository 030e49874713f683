package dev.forecast.forecast;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of forecasts and evaluations ({@code forecast.forecast.*}).
 *
 * @param maxHorizon largest {@code horizon} of {@code GET /forecast} and
 * {@code GET /evaluation}
 * @param residualWindow how many of the most recent one-step residuals the prediction
 * intervals come from; a forecast reads {@code lookback + residualWindow} points from the
 * end of the series
 * @param maxHoldout largest {@code holdout} of {@code GET /evaluation}
 * @param evaluationHistory how many points before the holdout an evaluation reads at most
 * (for the methods' history and the MASE scale)
 * @param cacheValues how many values the cache of fitted forecasts (the last
 * {@code lookback} values and residual quantiles per series state and method) may hold in
 * all, about 8 bytes each; 0 turns the cache off
 * @param classicalHistory how many of the last points the classical methods
 * ({@code theta}, {@code ets}, {@code arima}, {@code auto}) are fitted to: the whole
 * series when it is shorter
 * @param maxRefits how many origins a backtest refits the classical methods at, at most:
 * with a longer holdout every method is scored at evenly spaced holdout points, this many
 * @param maxWork the largest estimated work of one {@code /evaluation} or
 * {@code /forecast}: forecasts times the cost of one, which counts the model (values read
 * by a one-step rule, weights × window / 16 per step of a network, 20000 passes over the
 * history per fit of a classical method); a unit is roughly a nanosecond of CPU
 * @param deadline how long one {@code /evaluation} may compute; it stops at the next
 * origin once this has passed (503)
 */
@Validated
@ConfigurationProperties("forecast.forecast")
public record ForecastProperties(@DefaultValue("1000") @Min(1) @Max(1_000_000) int maxHorizon,
		@DefaultValue("1000") @Min(2) @Max(1_000_000) int residualWindow,
		@DefaultValue("10000") @Min(1) @Max(1_000_000) int maxHoldout,
		@DefaultValue("100000") @Min(1) @Max(10_000_000) int evaluationHistory,
		@DefaultValue("5000000") @Min(0) long cacheValues,
		@DefaultValue("1000") @Min(2) @Max(1_000_000) int classicalHistory,
		@DefaultValue("40") @Min(1) @Max(100_000) int maxRefits, @DefaultValue("60000000000") @Min(1) long maxWork,
		@DefaultValue("60s") Duration deadline) {

}
