package dev.forecast.forecast.stats;

/**
 * Conditional sum of squares of an ARMA model of a (differenced) series, as R's
 * {@code arima} method "CSS" computes it: residuals start after the first
 * {@code p + P * period} values, with earlier residuals taken as zero. An optional
 * constant regressor is concentrated out by least squares.
 */
final class ArmaCss {

	private final double[] w;

	private final double c;

	private final double[] e;

	private final double[] ex;

	/** Sum of squared residuals after the regressor. */
	double ssq;

	/** The number of residuals. */
	int count;

	/** The regressor's coefficient (0 without one). */
	double beta;

	ArmaCss(double[] w, double c) {
		this.w = w;
		this.c = c;
		this.e = new double[w.length];
		this.ex = new double[w.length];
	}

	/**
	 * Computes the sum of squares; false when there is no residual or it is not finite.
	 */
	boolean run(double[] phi, double[] theta) {
		int n = this.w.length;
		int start = phi.length;
		int[] arLags = nonZero(phi);
		int[] maLags = nonZero(theta);
		double cx = this.c;
		for (int k : arLags) {
			cx -= phi[k] * this.c;
		}
		double sww = 0;
		double swx = 0;
		double sxx = 0;
		for (int t = start; t < n; t++) {
			double value = this.w[t];
			for (int k : arLags) {
				value -= phi[k] * this.w[t - k - 1];
			}
			double valueX = cx;
			int limit = t - start;
			for (int k : maLags) {
				if (k >= limit) {
					break;
				}
				value -= theta[k] * this.e[t - k - 1];
				valueX -= theta[k] * this.ex[t - k - 1];
			}
			this.e[t] = value;
			this.ex[t] = valueX;
			sww += value * value;
			swx += value * valueX;
			sxx += valueX * valueX;
		}
		this.count = n - start;
		this.beta = (this.c != 0 && sxx > 0) ? swx / sxx : 0;
		this.ssq = sww - this.beta * swx;
		return this.count > 0 && Double.isFinite(this.ssq) && this.ssq > 0;
	}

	/**
	 * Writes the last run's residuals, the regressor taken out, into
	 * {@code out[0..count)}.
	 */
	boolean residuals(double[] out) {
		int start = this.w.length - this.count;
		for (int t = start; t < this.w.length; t++) {
			out[t - start] = this.e[t] - this.beta * this.ex[t];
		}
		return true;
	}

	/** {@code 0.5 log(ssq / count)}, the objective R minimizes. */
	double objective() {
		return 0.5 * Math.log(this.ssq / this.count);
	}

	private static int[] nonZero(double[] c) {
		int count = 0;
		for (double v : c) {
			if (v != 0) {
				count++;
			}
		}
		int[] lags = new int[count];
		int i = 0;
		for (int k = 0; k < c.length; k++) {
			if (c[k] != 0) {
				lags[i++] = k;
			}
		}
		return lags;
	}

}
