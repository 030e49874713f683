package dev.forecast.model;

/**
 * The seasonal test and the classical multiplicative decomposition of the Theta method,
 * as R's {@code forecast::thetaf} and {@code stats::decompose} do them; the Theta method
 * ({@code forecast.stats.Theta}) and a global model's seasonal adjustment
 * ({@link #adjustment}) both use them.
 */
public final class Seasonality {

	/** The one-sided 90% normal quantile, {@code qnorm(0.95)}. */
	static final double Z90 = 1.6448536269514722;

	private Seasonality() {
	}

	/**
	 * Whether the autocorrelation at lag {@code period} is significant at 90%
	 * (two-sided): larger than {@code 1.645} times its standard error under Bartlett's
	 * formula, {@code sqrt((1 + 2 * sum(r(k)^2, k < period)) / n)}. Needs
	 * {@code n > 2 * period}, a period over 1 and a series that is not constant.
	 */
	public static boolean test(double[] y, int period) {
		int n = y.length;
		if (period <= 1 || n <= 2 * period) {
			return false;
		}
		double mean = 0;
		for (double value : y) {
			mean += value;
		}
		mean /= n;
		double c0 = 0;
		for (double value : y) {
			c0 += (value - mean) * (value - mean);
		}
		if (c0 == 0) {
			return false;
		}
		double sum = 0;
		double last = 0;
		for (int k = 1; k <= period; k++) {
			double ck = 0;
			for (int t = 0; t + k < n; t++) {
				ck += (y[t] - mean) * (y[t + k] - mean);
			}
			double r = ck / c0;
			if (k < period) {
				sum += r * r;
			}
			else {
				last = r;
			}
		}
		double stat = Math.sqrt((1 + 2 * sum) / n);
		return Math.abs(last) / stat > Z90;
	}

	/**
	 * The seasonal indices of a classical multiplicative decomposition, one per point:
	 * the centred moving average of length {@code period} (2 x period for an even period)
	 * is the trend, the index at each position of the cycle (counted from the first
	 * point) is the mean ratio of the values to the trend there, and the indices are
	 * scaled to average 1.
	 */
	public static double[] multiplicativeIndices(double[] y, int period) {
		int n = y.length;
		double[] weights = new double[period % 2 == 0 ? period + 1 : period];
		java.util.Arrays.fill(weights, 1.0 / period);
		if (period % 2 == 0) {
			weights[0] = 0.5 / period;
			weights[period] = 0.5 / period;
		}
		int half = weights.length / 2;
		double[] sums = new double[period];
		int[] counts = new int[period];
		for (int t = half; t < n - half; t++) {
			double trend = 0;
			for (int j = 0; j < weights.length; j++) {
				trend += weights[j] * y[t - half + j];
			}
			sums[t % period] += y[t] / trend;
			counts[t % period]++;
		}
		double[] figure = new double[period];
		double total = 0;
		for (int i = 0; i < period; i++) {
			figure[i] = sums[i] / counts[i];
			total += figure[i];
		}
		double mean = total / period;
		double[] indices = new double[n];
		for (int t = 0; t < n; t++) {
			indices[t] = figure[t % period] / mean;
		}
		return indices;
	}

	/**
	 * The seasonal indices of {@code y} (one per point, {@link #multiplicativeIndices})
	 * as Theta adjusts a series: only when the period is over 1, {@code y} holds more
	 * than two cycles, all its values are positive, the {@link #test} finds the
	 * seasonality significant and no index is near 0; {@code null} otherwise.
	 */
	public static double[] adjustment(double[] y, int period) {
		if (period <= 1 || y.length <= 2 * period || !test(y, period)) {
			return null;
		}
		for (double v : y) {
			if (!(v > 0)) {
				return null;
			}
		}
		double[] indices = multiplicativeIndices(y, period);
		for (double s : indices) {
			if (Math.abs(s) < 1e-4) {
				return null;
			}
		}
		return indices;
	}

	/** The most cycles a seasonal adjustment reads from the end of a history. */
	public static final int HISTORY_CYCLES = 20;

	/**
	 * A series seasonally adjusted: its {@code values} divided by the {@link #adjustment}
	 * {@code indices} of its points {@code [from, from + indices.length)}, the cycle
	 * continued before and after them; {@code values} is the series itself and
	 * {@code indices} {@code null} when those points are not seasonal.
	 */
	public record Adjusted(double[] values, double[] indices, int from, int period) {

		public boolean seasonal() {
			return this.indices != null;
		}

		/**
		 * The index point {@code t} of the series was divided by (1 when not seasonal).
		 */
		public double index(int t) {
			return this.indices == null ? 1 : this.indices[Math.floorMod(t - this.from, this.period)];
		}

	}

	/**
	 * {@code y} seasonally adjusted by the {@link #adjustment} of its points before
	 * {@code end} (at most {@link #HISTORY_CYCLES} cycles of them, the last), continued
	 * past them; not adjusted when those are not seasonal.
	 */
	public static Adjusted adjust(double[] y, int end, int period) {
		int to = Math.max(0, Math.min(end, y.length));
		int from = Math.max(0, to - HISTORY_CYCLES * period);
		double[] indices = adjustment(java.util.Arrays.copyOfRange(y, from, to), period);
		if (indices == null) {
			return new Adjusted(y, null, 0, Math.max(1, period));
		}
		Adjusted adjusted = new Adjusted(new double[y.length], indices, from, period);
		for (int t = 0; t < y.length; t++) {
			adjusted.values()[t] = y[t] / adjusted.index(t);
		}
		return adjusted;
	}

}
