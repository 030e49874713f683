package dev.forecast.forecast;

import java.util.Arrays;
import java.util.Map;

/**
 * A method bound to its parameters: a one-step forecasting rule that reads the last
 * {@link #lookback()} values. Multi-step forecasts feed earlier forecasts back in, so a
 * method needs nothing but {@link #next}; prediction intervals come from the one-step
 * {@link #residuals} and the {@link #spread} factor.
 */
public interface ForecastModel {

	/** The parameters in effect, defaults filled in, as responses show them. */
	Map<String, Object> params();

	/**
	 * The training run the forecast comes from, or {@code null} for methods without
	 * training.
	 */
	default Long run() {
		return null;
	}

	/** How many trailing values one forecast reads (at least 1). */
	int lookback();

	/**
	 * The fewest values before an origin a forecast needs (a backtest's first origin must
	 * have them): by default {@link #lookback()}; less for a model that pads a shorter
	 * history (a global neural model).
	 */
	default int minimumHistory() {
		return lookback();
	}

	/**
	 * The work of one forecast {@code horizon} steps ahead, for the work estimate of a
	 * request: by default the values it reads, {@code horizon × lookback()}.
	 */
	default long cost(int horizon) {
		return (long) horizon * lookback();
	}

	/**
	 * The one-step forecast of {@code x[end]}, reading only
	 * {@code x[end - lookback() .. end)}.
	 */
	double next(double[] x, int end);

	/**
	 * Forecasts {@code horizon} steps after {@code x[end - 1]} from
	 * {@code x[end - lookback() .. end)}; later steps use the earlier forecasts where the
	 * method needs values not observed yet.
	 */
	default double[] forecast(double[] x, int end, int horizon) {
		int lookback = lookback();
		double[] buffer = new double[lookback + horizon];
		System.arraycopy(x, end - lookback, buffer, 0, lookback);
		for (int k = 0; k < horizon; k++) {
			buffer[lookback + k] = next(buffer, lookback + k);
		}
		double[] out = new double[horizon];
		System.arraycopy(buffer, lookback, out, 0, horizon);
		return out;
	}

	/**
	 * The one-step in-sample residuals {@code x[i] - next(x, i)} for every
	 * {@code i >= max(from, lookback())}; {@code NaN} before.
	 */
	default double[] residuals(double[] x, int from) {
		double[] residuals = new double[x.length];
		int first = Math.max(from, lookback());
		Arrays.fill(residuals, 0, Math.min(first, x.length), Double.NaN);
		for (int i = first; i < x.length; i++) {
			residuals[i] = x[i] - next(x, i);
		}
		return residuals;
	}

	/**
	 * The intervals the model brings itself, or {@code null} (the default) for intervals
	 * from its one-step in-sample {@link #residuals}. A model with its own skips reading
	 * the residual window.
	 */
	default SymmetricIntervals ownIntervals() {
		return null;
	}

	/**
	 * The rolling-origin backtest: for every {@code t} in {@code [first, x.length)}, the
	 * forecast of {@code x[t]} made {@code horizon} steps ahead from the points before
	 * {@code t - horizon + 1}. The default forecasts origin by origin; a model that
	 * batches overrides it.
	 */
	default double[] backtest(double[] x, int first, int horizon) {
		double[] out = new double[x.length - first];
		for (int t = first; t < x.length; t++) {
			out[t - first] = forecast(x, t - horizon + 1, horizon)[horizon - 1];
		}
		return out;
	}

	/**
	 * What an evaluation over the last {@code holdout} of the series' {@code length}
	 * points should say about this model (for example that it was trained on some of
	 * them), or {@code null}.
	 */
	default String evaluationNote(long length, int holdout) {
		return null;
	}

	/**
	 * How much wider than the one-step interval the interval {@code step} steps ahead is.
	 * The default, {@code sqrt(step)}, is exact for the naive method (a random walk's
	 * errors add up) and a common approximation for the others.
	 */
	default double spread(int step) {
		return Math.sqrt(step);
	}

}
