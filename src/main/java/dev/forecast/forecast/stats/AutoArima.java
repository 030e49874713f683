package dev.forecast.forecast.stats;

import dev.forecast.forecast.stats.ArimaModel.Constant;

/**
 * Automatic seasonal ARIMA as R's {@code forecast::auto.arima} chooses it (Hyndman and
 * Khandakar 2008): a seasonal difference when the STL seasonal strength exceeds 0.64,
 * first differences by KPSS tests, then a stepwise search over the ARMA orders and a
 * constant (mean or drift) by AICc, each model fitted by exact likelihood, or compared by
 * conditional sums of squares for long series or periods over 12 and then refitted.
 * Periods over {@value #MAX_PERIOD} are treated as non-seasonal; series too short for a
 * model get a random walk.
 */
public final class AutoArima {

	/** The longest season modelled; longer ones are left out (R would be very slow). */
	static final int MAX_PERIOD = 24;

	private static final int MAX_ORDER = 5;

	private static final int MAX_SEASONAL_ORDER = 2;

	private AutoArima() {
	}

	/**
	 * Chooses and fits a seasonal ARIMA model.
	 * @param y the series, oldest first, finite values
	 * @param period the season's length (1 for none)
	 * @return the chosen model, fitted
	 * @throws IllegalArgumentException for an empty series or non-finite values
	 */
	public static FittedModel fit(double[] y, int period) {
		if (y.length == 0) {
			throw new IllegalArgumentException("the series is empty");
		}
		for (double v : y) {
			if (!Double.isFinite(v)) {
				throw new IllegalArgumentException("the series has a missing or infinite value");
			}
		}
		if (Differencing.constant(y)) {
			return Arima.fixed(y, ArimaOrder.of(0, 0, 0), Constant.MEAN, y[0]);
		}
		int n = y.length;
		int m = (period < 2 || period > MAX_PERIOD) ? 1 : period;
		int maxP = Math.min(MAX_ORDER, n / 3);
		int maxQ = maxP;
		int maxSP = m > 1 ? Math.min(MAX_SEASONAL_ORDER, n / 3 / m) : 0;
		int maxSQ = maxSP;
		int seasonalD = m > 1 ? UnitRootTests.seasonalDifferences(y, m) : 0;
		double[] dx = seasonalD > 0 ? Differencing.diff(y, m) : y;
		int d = UnitRootTests.firstDifferences(dx, 2);
		for (int i = 0; i < d; i++) {
			dx = Differencing.diff(dx, 1);
		}
		if (dx.length == 0) {
			return randomWalk(y);
		}
		if (Differencing.constant(dx)) {
			return constantDifferences(y, dx, d, seasonalD, m);
		}
		if (m > 1) {
			if (maxSP > 0) {
				maxP = Math.min(maxP, m - 1);
			}
			if (maxSQ > 0) {
				maxQ = Math.min(maxQ, m - 1);
			}
		}
		boolean approximation = n > 150 || m > 12;
		double offset = 0;
		if (approximation) {
			ArimaOrder white = new ArimaOrder(1, d, 0, 0, seasonalD, 0, seasonalD > 0 ? m : 1);
			ArimaModel fit = Arima.estimate(y, white, d + seasonalD == 0 ? Constant.MEAN : Constant.NONE, false);
			if (fit != null) {
				offset = fit.minusTwoLogLik - n * Math.log(fit.sigma2);
			}
			else {
				approximation = false;
			}
		}
		boolean allowConstant = d + seasonalD <= 1;
		ArimaModel best = new StepwiseSearch(y, d, seasonalD, m, approximation, offset).run(maxP, maxQ, maxSP, maxSQ,
				allowConstant);
		return best == null ? randomWalk(y) : best.withUnbiasedVariance();
	}

	/**
	 * R's answer when the differenced series is constant: no ARMA part, the constant
	 * fixed.
	 */
	private static ArimaModel constantDifferences(double[] y, double[] dx, int d, int seasonalD, int m) {
		double mean = 0;
		for (double v : dx) {
			mean += v;
		}
		mean /= dx.length;
		ArimaOrder order = new ArimaOrder(0, d, 0, 0, seasonalD, 0, seasonalD > 0 ? m : 1);
		if (seasonalD > 0 && d == 0) {
			return Arima.fixed(y, order, Constant.DRIFT, mean / m);
		}
		if (d + seasonalD >= 2) {
			return Arima.fixed(y, order, Constant.NONE, 0);
		}
		return Arima.fixed(y, order, d == 0 ? Constant.MEAN : Constant.DRIFT, mean);
	}

	/** A random walk, for series no model can be fitted to. */
	private static ArimaModel randomWalk(double[] y) {
		if (y.length < 2) {
			return Arima.fixed(y, ArimaOrder.of(0, 0, 0), Constant.MEAN, y[0]);
		}
		return Arima.fixed(y, ArimaOrder.of(0, 1, 0), Constant.NONE, 0);
	}

}
