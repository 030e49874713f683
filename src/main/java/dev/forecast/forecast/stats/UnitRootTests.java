package dev.forecast.forecast.stats;

/**
 * How many differences a series needs, as R's {@code forecast::ndiffs} and
 * {@code nsdiffs} choose by default: KPSS tests at 5% for first differences, and a
 * seasonal difference when the seasonal strength of an STL decomposition exceeds 0.64.
 */
final class UnitRootTests {

	/**
	 * The KPSS level-stationarity statistic's 5% critical value (Kwiatkowski et al. 1992,
	 * table 1).
	 */
	private static final double KPSS_CRITICAL_5 = 0.463;

	/**
	 * The seasonal strength above which a seasonal difference is taken (R's threshold).
	 */
	private static final double SEASONAL_STRENGTH = 0.64;

	private UnitRootTests() {
	}

	/**
	 * The number of first differences (at most {@code maxD}) after which KPSS no longer
	 * rejects.
	 */
	static int firstDifferences(double[] x, int maxD) {
		int d = 0;
		if (Differencing.constant(x)) {
			return d;
		}
		double[] current = x;
		boolean difference = kpss(current) > KPSS_CRITICAL_5;
		while (difference && d < maxD) {
			d++;
			current = Differencing.diff(current, 1);
			if (current.length == 0 || Differencing.constant(current)) {
				return d;
			}
			double statistic = kpss(current);
			if (Double.isNaN(statistic)) {
				return d - 1;
			}
			difference = statistic > KPSS_CRITICAL_5;
		}
		return d;
	}

	/** The number of seasonal differences (0 or 1) from the seasonal strength. */
	static int seasonalDifferences(double[] x, int period) {
		if (period < 2 || x.length <= 2 * period || Differencing.constant(x)) {
			return 0;
		}
		return Stl.seasonalStrength(x, period) > SEASONAL_STRENGTH ? 1 : 0;
	}

	/**
	 * The KPSS statistic for level stationarity with R's "short" lag truncation
	 * {@code trunc(3 sqrt(n) / 13)} and Bartlett weights (urca's {@code ur.kpss}, type
	 * "mu").
	 */
	static double kpss(double[] x) {
		int n = x.length;
		if (n < 2) {
			return Double.NaN;
		}
		double mean = 0;
		for (double v : x) {
			mean += v;
		}
		mean /= n;
		double[] e = new double[n];
		double partial = 0;
		double eta = 0;
		double s2 = 0;
		for (int t = 0; t < n; t++) {
			e[t] = x[t] - mean;
			partial += e[t];
			eta += partial * partial;
			s2 += e[t] * e[t];
		}
		eta /= (double) n * n;
		s2 /= n;
		int lags = (int) (3 * Math.sqrt(n) / 13);
		for (int i = 1; i <= lags; i++) {
			double sum = 0;
			for (int t = i; t < n; t++) {
				sum += e[t] * e[t - i];
			}
			s2 += 2.0 / n * (1 - i / (lags + 1.0)) * sum;
		}
		return s2 > 0 ? eta / s2 : Double.NaN;
	}

}
