package dev.forecast.forecast.stats;

/**
 * Classical decomposition, as R's {@code stats::decompose}: a centred moving average of
 * one season estimates the trend, and the mean detrended value at each position of the
 * season, normalised to sum to zero (additive) or to average one (multiplicative), is the
 * seasonal figure.
 */
final class EtsDecomposition {

	private EtsDecomposition() {
	}

	/** The seasonal component, as long as {@code y} (needs at least two full seasons). */
	static double[] seasonal(double[] y, int m, boolean additive) {
		int n = y.length;
		double[] sums = new double[m];
		int[] counts = new int[m];
		int half = m / 2;
		boolean even = m % 2 == 0;
		for (int i = half; i < n - half; i++) {
			double total = 0;
			if (even) {
				total = 0.5 * (y[i - half] + y[i + half]);
				for (int j = i - half + 1; j < i + half; j++) {
					total += y[j];
				}
			}
			else {
				for (int j = i - half; j <= i + half; j++) {
					total += y[j];
				}
			}
			double trend = total / m;
			sums[i % m] += additive ? y[i] - trend : y[i] / trend;
			counts[i % m]++;
		}
		double[] figure = new double[m];
		double mean = 0;
		for (int k = 0; k < m; k++) {
			figure[k] = sums[k] / counts[k];
			mean += figure[k] / m;
		}
		double[] seasonal = new double[n];
		for (int i = 0; i < n; i++) {
			seasonal[i] = additive ? figure[i % m] - mean : figure[i % m] / mean;
		}
		return seasonal;
	}

}
