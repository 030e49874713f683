package dev.forecast.model.serving;

/**
 * Split-conformal prediction intervals from a model's validation errors
 * ({@link TrainedModel#residuals()}): at level {@code L}, {@code k} steps ahead, the
 * interval is {@code forecast ± q(k)}, where {@code q(k)} is the
 * {@code ceil((n + 1) L)}-th smallest of the {@code n} absolute validation errors
 * {@code k} steps ahead (the largest when that rank exceeds {@code n}). Half-widths are
 * made non-decreasing in {@code k} (a running maximum), so intervals widen with the
 * horizon; beyond the last scored step {@code S} they grow as {@code q(S) * sqrt(k / S)}.
 */
public final class ConformalIntervals {

	private final float[][] residuals;

	public ConformalIntervals(float[][] residuals) {
		this.residuals = residuals;
	}

	public boolean isEmpty() {
		return this.residuals.length == 0 || this.residuals[0].length == 0;
	}

	/** Steps ahead with their own errors. */
	public int scoredSteps() {
		return this.residuals.length;
	}

	/**
	 * Half-widths for steps {@code 1..steps} at {@code level} (a fraction strictly
	 * between 0 and 1).
	 */
	public double[] halfWidths(double level, int steps) {
		double[] widths = new double[steps];
		double running = 0;
		int scored = this.residuals.length;
		for (int k = 1; k <= steps; k++) {
			if (k <= scored && this.residuals[k - 1].length > 0) {
				running = Math.max(running, quantile(this.residuals[k - 1], level));
				widths[k - 1] = running;
			}
			else {
				int last = Math.min(k, scored);
				widths[k - 1] = running * Math.sqrt((double) k / last);
			}
		}
		return widths;
	}

	/**
	 * The conformal quantile of sorted absolute errors: the
	 * {@code ceil((n + 1) level)}-th smallest.
	 */
	static double quantile(float[] sorted, double level) {
		int n = sorted.length;
		int rank = (int) Math.ceil((n + 1) * level);
		return sorted[Math.max(0, Math.min(n, rank) - 1)];
	}

}
