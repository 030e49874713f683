package dev.forecast.forecast.stats;

import java.util.Arrays;

import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * What R's {@code ets} does for series too short to estimate a state space model (R's
 * {@code HoltWintersZZ}): Holt-Winters recursions started from the first observations
 * (the first value and difference, or the first season's mean and deviations), smoothing
 * parameters in {@code [0, 1]} minimising the sum of squared one-step errors. No
 * likelihood, so no AICc.
 */
final class EtsSmallSample {

	private EtsSmallSample() {
	}

	/**
	 * @param trend {@code N}, {@code A} or {@code M} (exponential)
	 * @param season {@code N}, {@code A} or {@code M}
	 * @param alpha a fixed level smoothing, or {@code NaN} to estimate it
	 * @return the fit, or {@code null} when the series is too short for the form
	 */
	static EtsFit fit(double[] y, int period, char trend, char season, double alpha) {
		int n = y.length;
		int m = (season == 'N') ? 1 : period;
		boolean hasTrend = trend != 'N';
		if ((season != 'N' && n < 2 * m) || (hasTrend && n < 2) || n < 1) {
			return null;
		}
		if (season == 'M' || trend == 'M') {
			for (double v : y) {
				if (v <= 0) {
					return null;
				}
			}
		}
		char error = (season == 'M' || (season == 'N' && trend == 'M')) ? 'M' : 'A';
		EtsType type = new EtsType(error, trend, false, season);
		double[] start = startStates(y, type, m);
		double[] guess = { Double.isNaN(alpha) ? 0.2 / m : alpha, 0, 0 };
		guess[1] = 0.1 * guess[0];
		guess[2] = 0.05 * (1 - guess[0]);
		int count = type.smoothingCount();
		boolean fixedAlpha = !Double.isNaN(alpha);
		int free = count - (fixedAlpha ? 1 : 0);
		double[] smoothing = new double[count];
		System.arraycopy(guess, 0, smoothing, 0, 1);
		if (hasTrend) {
			smoothing[1] = guess[1];
		}
		if (season != 'N') {
			smoothing[count - 1] = guess[2];
		}
		if (free > 0) {
			int skip = fixedAlpha ? 1 : 0;
			double[] point = Arrays.copyOfRange(smoothing, skip, count);
			double[] best = minimise(p -> {
				for (double v : p) {
					if (v < 0 || v > 1) {
						return Double.POSITIVE_INFINITY;
					}
				}
				System.arraycopy(p, 0, smoothing, skip, p.length);
				return EtsSmallSampleFilter.sse(y, type, m, smoothing, start, null, null);
			}, point);
			System.arraycopy(best, 0, smoothing, skip, best.length);
		}
		double[] fitted = new double[n];
		double[] last = new double[start.length];
		double sse = EtsSmallSampleFilter.sse(y, type, m, smoothing, start, fitted, last);
		double sigma2 = sse / n;
		if (error == 'M') {
			sigma2 = 0;
			for (int i = 0; i < n; i++) {
				double r = (y[i] - fitted[i]) / fitted[i];
				sigma2 += r * r / n;
			}
		}
		double beta = hasTrend ? smoothing[1] : 0;
		double gamma = (season != 'N') ? smoothing[count - 1] : 0;
		if (!Double.isFinite(sse) || !Double.isFinite(sigma2)
				|| !Double.isFinite(EtsRecursion.forecast(last, type, m, 1, 1)[0])) {
			return null;
		}
		return new EtsFit(type, m, smoothing[0], beta, gamma, 1, start, last, fitted, sigma2, Double.NaN,
				"Holt-Winters (series too short for maximum likelihood)");
	}

	private static double[] minimise(MultivariateFunction function, double[] start) {
		double[] best = start.clone();
		double[] bestValue = { function.value(start) };
		MultivariateFunction tracked = p -> {
			double v = function.value(p);
			if (v < bestValue[0]) {
				bestValue[0] = v;
				System.arraycopy(p, 0, best, 0, p.length);
			}
			return v;
		};
		double[] steps = new double[start.length];
		Arrays.fill(steps, 0.1);
		try {
			PointValuePair result = new SimplexOptimizer(1e-10, 1e-12).optimize(new MaxEval(2000),
					new ObjectiveFunction(tracked), GoalType.MINIMIZE, new InitialGuess(start),
					new NelderMeadSimplex(steps));
			if (result.getValue() <= bestValue[0]) {
				return result.getPoint();
			}
		}
		catch (MathIllegalStateException ex) {
			// budget exhausted: the best point seen stands
		}
		return best;
	}

	/**
	 * R's starting states: {@code [level, slope?, s_0 .. s_(m-1)]}, {@code s_0} the
	 * newest.
	 */
	private static double[] startStates(double[] y, EtsType type, int m) {
		boolean hasTrend = type.hasTrend();
		boolean exponential = type.trend() == 'M';
		double[] x = new double[1 + (hasTrend ? 1 : 0) + (type.hasSeason() ? m : 0)];
		if (!type.hasSeason()) {
			x[0] = y[0];
			if (hasTrend) {
				x[1] = exponential ? y[1] / y[0] : y[1] - y[0];
			}
			return x;
		}
		double level = 0;
		double next = 0;
		for (int i = 0; i < m; i++) {
			level += y[i] / m;
			next += y[m + i] / m;
		}
		x[0] = level;
		int offset = 1;
		if (hasTrend) {
			x[1] = exponential ? Math.pow(next / level, 1.0 / m) : (next - level) / m;
			offset = 2;
		}
		for (int i = 0; i < m; i++) {
			// the first observation's season is the oldest state
			x[offset + m - 1 - i] = (type.season() == 'A') ? y[i] - level : y[i] / level;
		}
		return x;
	}

}
