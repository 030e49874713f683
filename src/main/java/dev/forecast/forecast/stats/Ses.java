package dev.forecast.forecast.stats;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Simple exponential smoothing as R's {@code ses} fits it, the ETS(A,N,N) model: level
 * {@code l(t) = l(t-1) + alpha * e(t)} with {@code e(t) = y(t) - l(t-1)}, alpha within
 * ETS's usual bounds [0.0001, 0.9999] and the initial level {@code l(0)} free, both
 * minimising the sum of squared one-step errors (the Gaussian likelihood of an
 * additive-error model). The errors are linear in {@code l(0)}, so for every alpha the
 * best {@code l(0)} is exact; alpha is then a one-dimensional search (a grid for the
 * basin, Brent within it).
 *
 * @param alpha the smoothing parameter
 * @param initialLevel {@code l(0)}
 * @param level the last level {@code l(n)}: every forecast
 * @param fitted the one-step fitted values {@code l(t-1)}
 * @param sigma2 the error variance, the sum of squared errors over {@code n - 3} (alpha,
 * l(0), sigma) as R's ets
 */
record Ses(double alpha, double initialLevel, double level, double[] fitted, double sigma2) {

	static final double LOWER = 1e-4;

	static final double UPPER = 0.9999;

	private static final int GRID = 40;

	static Ses fit(double[] y) {
		double best = LOWER;
		double bestSse = Double.POSITIVE_INFINITY;
		double step = (UPPER - LOWER) / GRID;
		for (int i = 0; i <= GRID; i++) {
			double alpha = LOWER + i * step;
			double sse = profiledSse(y, alpha);
			if (sse < bestSse) {
				bestSse = sse;
				best = alpha;
			}
		}
		double lo = Math.max(LOWER, best - step);
		double hi = Math.min(UPPER, best + step);
		UnivariatePointValuePair refined = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(200),
				new UnivariateObjectiveFunction(alpha -> profiledSse(y, alpha)), GoalType.MINIMIZE,
				new SearchInterval(lo, hi, best));
		double alpha = refined.getValue() < bestSse ? refined.getPoint() : best;
		return withAlpha(y, alpha);
	}

	/** The model with a given alpha and its best initial level. */
	static Ses withAlpha(double[] y, double alpha) {
		double l0 = bestInitialLevel(y, alpha);
		int n = y.length;
		double[] fitted = new double[n];
		double level = l0;
		double sse = 0;
		for (int t = 0; t < n; t++) {
			fitted[t] = level;
			double error = y[t] - level;
			sse += error * error;
			level += alpha * error;
		}
		return new Ses(alpha, l0, level, fitted, sse / Math.max(1, n - 3));
	}

	/**
	 * {@code l(t-1) = a(t-1) + b(t-1) * l(0)}, so {@code e(t) = c(t) - b(t-1) * l(0)}
	 * with {@code c(t) = y(t) - a(t-1)}: the least-squares {@code l(0)} is
	 * {@code sum(c b) / sum(b b)}.
	 */
	private static double bestInitialLevel(double[] y, double alpha) {
		Sums sums = Sums.of(y, alpha);
		return sums.cb / sums.bb;
	}

	/** The sum of squared errors at {@code alpha} with the best {@code l(0)}. */
	private static double profiledSse(double[] y, double alpha) {
		Sums sums = Sums.of(y, alpha);
		return sums.cc - sums.cb * sums.cb / sums.bb;
	}

	/** {@code sum(c c)}, {@code sum(c b)} and {@code sum(b b)} over the series. */
	private record Sums(double cc, double cb, double bb) {

		static Sums of(double[] y, double alpha) {
			double a = 0;
			double b = 1;
			double cc = 0;
			double cb = 0;
			double bb = 0;
			for (double value : y) {
				double c = value - a;
				cc += c * c;
				cb += c * b;
				bb += b * b;
				a = (1 - alpha) * a + alpha * value;
				b *= 1 - alpha;
			}
			return new Sums(cc, cb, bb);
		}

	}

}
