package dev.forecast.forecast.stats;

/**
 * Differencing of a series, at lag 1 and at the seasonal lag, and its inverse for
 * forecasts.
 */
final class Differencing {

	private Differencing() {
	}

	/** {@code y[t] - y[t - lag]} for {@code t >= lag}: {@code lag} values shorter. */
	static double[] diff(double[] y, int lag) {
		int n = Math.max(0, y.length - lag);
		double[] out = new double[n];
		for (int t = 0; t < n; t++) {
			out[t] = y[t + lag] - y[t];
		}
		return out;
	}

	/**
	 * The series differenced {@code D} times at the period, then {@code d} times at lag
	 * 1.
	 */
	static double[] apply(double[] y, ArimaOrder order) {
		double[] w = y;
		for (int i = 0; i < order.seasonalD(); i++) {
			w = diff(w, order.period());
		}
		for (int i = 0; i < order.d(); i++) {
			w = diff(w, 1);
		}
		return w;
	}

	/**
	 * The coefficients {@code delta} of {@code (1-B)^d (1-B^m)^D = 1 - sum delta_k B^k},
	 * so that {@code y[t] = w[t] + sum delta_k y[t-k]}.
	 */
	static double[] polynomial(ArimaOrder order) {
		double[] poly = { 1 };
		for (int i = 0; i < order.d(); i++) {
			poly = times(poly, 1);
		}
		for (int i = 0; i < order.seasonalD(); i++) {
			poly = times(poly, order.period());
		}
		double[] delta = new double[poly.length - 1];
		for (int k = 1; k < poly.length; k++) {
			delta[k - 1] = -poly[k];
		}
		return delta;
	}

	private static double[] times(double[] poly, int lag) {
		double[] out = new double[poly.length + lag];
		for (int i = 0; i < poly.length; i++) {
			out[i] += poly[i];
			out[i + lag] -= poly[i];
		}
		return out;
	}

	/**
	 * Turns forecasts {@code w} of the differenced series back into forecasts of the
	 * series {@code y} that follow its last observations.
	 */
	static double[] integrate(double[] y, double[] w, double[] delta) {
		int n = y.length;
		double[] all = new double[n + w.length];
		System.arraycopy(y, 0, all, 0, n);
		for (int h = 0; h < w.length; h++) {
			double value = w[h];
			for (int k = 0; k < delta.length; k++) {
				value += delta[k] * all[n + h - k - 1];
			}
			all[n + h] = value;
		}
		double[] out = new double[w.length];
		System.arraycopy(all, n, out, 0, w.length);
		return out;
	}

	/** Whether every value equals the first (R's is.constant). */
	static boolean constant(double[] y) {
		for (double v : y) {
			if (v != y[0]) {
				return false;
			}
		}
		return true;
	}

}
