package dev.forecast.forecast.stats;

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and Terpenning
 * 1990), the non-robust form with R's {@code stl} defaults for a given seasonal window:
 * two inner passes, loess evaluated every {@code jump} points and interpolated between.
 */
final class Stl {

	final double[] seasonal;

	final double[] trend;

	private Stl(double[] seasonal, double[] trend) {
		this.seasonal = seasonal;
		this.trend = trend;
	}

	/**
	 * Decomposes {@code y} (at least two full periods) with a seasonal window of
	 * {@code sWindow}.
	 */
	static Stl decompose(double[] y, int period, int sWindow) {
		int n = y.length;
		int ns = odd(Math.max(3, sWindow));
		int nt = odd(Math.max(3, (int) Math.ceil(1.5 * period / (1 - 1.5 / sWindow))));
		int nl = odd(Math.max(3, period));
		int np = Math.max(2, period);
		int sJump = (int) Math.ceil(ns / 10.0);
		int tJump = (int) Math.ceil(nt / 10.0);
		int lJump = (int) Math.ceil(nl / 10.0);
		double[] season = new double[n];
		double[] trend = new double[n];
		double[] work = new double[n];
		double[] cycle = new double[n + 2 * np];
		double[] low = new double[n];
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < n; i++) {
				work[i] = y[i] - trend[i];
			}
			subseries(work, n, np, ns, sJump, cycle);
			lowPass(cycle, n + 2 * np, np, low);
			double[] smoothLow = new double[n];
			Loess.loess(low, n, nl, 1, lJump, smoothLow);
			for (int i = 0; i < n; i++) {
				season[i] = cycle[np + i] - smoothLow[i];
				work[i] = y[i] - season[i];
			}
			Loess.loess(work, n, nt, 1, tJump, trend);
		}
		return new Stl(season, trend);
	}

	/**
	 * Seasonal strength {@code max(0, 1 - var(remainder) / var(remainder + seasonal))}.
	 */
	static double seasonalStrength(double[] y, int period) {
		Stl stl = decompose(y, period, 11);
		int n = y.length;
		double[] remainder = new double[n];
		double[] deseasonalizedRemainder = new double[n];
		for (int i = 0; i < n; i++) {
			remainder[i] = y[i] - stl.seasonal[i] - stl.trend[i];
			deseasonalizedRemainder[i] = remainder[i] + stl.seasonal[i];
		}
		double total = variance(deseasonalizedRemainder);
		if (!(total > 0)) {
			return 0;
		}
		return Math.max(0, Math.min(1, 1 - variance(remainder) / total));
	}

	private static double variance(double[] x) {
		double mean = 0;
		for (double v : x) {
			mean += v;
		}
		mean /= x.length;
		double sum = 0;
		for (double v : x) {
			sum += (v - mean) * (v - mean);
		}
		return sum / (x.length - 1);
	}

	private static int odd(int value) {
		return value % 2 == 0 ? value + 1 : value;
	}

	/**
	 * Smooths each cycle-subseries, extended by one value at each end, into {@code out}.
	 */
	private static void subseries(double[] y, int n, int np, int ns, int jump, double[] out) {
		int maxK = n / np + 1;
		double[] sub = new double[maxK];
		double[] smooth = new double[maxK + 2];
		double[] weights = new double[maxK];
		for (int j = 0; j < np; j++) {
			int k = (n - j - 1) / np + 1;
			for (int i = 0; i < k; i++) {
				sub[i] = y[i * np + j];
			}
			double[] fitted = new double[k];
			Loess.loess(sub, k, ns, 0, jump, fitted);
			System.arraycopy(fitted, 0, smooth, 1, k);
			int right = Math.min(ns, k);
			double before = Loess.estimate(sub, k, ns, 0, 0, 1, right, weights);
			smooth[0] = Double.isNaN(before) ? smooth[1] : before;
			int left = Math.max(1, k - ns + 1);
			double after = Loess.estimate(sub, k, ns, 0, k + 1, left, k, weights);
			smooth[k + 1] = Double.isNaN(after) ? smooth[k] : after;
			for (int m = 0; m < k + 2; m++) {
				out[m * np + j] = smooth[m];
			}
		}
	}

	/**
	 * Moving averages of lengths np, np and 3: {@code n - 2 np} values from {@code n}.
	 */
	private static void lowPass(double[] x, int n, int np, double[] out) {
		double[] first = movingAverage(x, n, np);
		double[] second = movingAverage(first, n - np + 1, np);
		double[] third = movingAverage(second, n - 2 * np + 2, 3);
		System.arraycopy(third, 0, out, 0, n - 2 * np);
	}

	private static double[] movingAverage(double[] x, int n, int len) {
		double[] out = new double[n - len + 1];
		double sum = 0;
		for (int i = 0; i < len; i++) {
			sum += x[i];
		}
		out[0] = sum / len;
		for (int i = 1; i < out.length; i++) {
			sum += x[i + len - 1] - x[i - 1];
			out[i] = sum / len;
		}
		return out;
	}

	/**
	 * Loess of {@code y[0..n)} at every {@code jump}-th point, interpolated linearly
	 * between.
	 */

}
