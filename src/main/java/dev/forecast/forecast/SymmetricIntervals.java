package dev.forecast.forecast;

/**
 * Prediction intervals a model brings itself instead of the in-sample one-step residuals,
 * as {@code forecast ± halfWidth}: a trained model's come from its validation errors per
 * step ahead (split-conformal). The same half-widths serve every origin, so a backtest
 * scores them as they are.
 */
public interface SymmetricIntervals {

	/**
	 * {@code true} when the model has nothing to build intervals from (they are left
	 * out).
	 */
	boolean isEmpty();

	/**
	 * Half-widths for steps {@code 1..steps} at {@code level} (a fraction strictly
	 * between 0 and 1).
	 */
	double[] halfWidths(double level, int steps);

}
