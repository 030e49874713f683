package dev.forecast.forecast.stats;

import java.util.Random;

/**
 * Forecast means and variances of a fitted form, as R's {@code forecast.ets}: analytic
 * for the linear forms (class 1, additive errors) and their multiplicative-error
 * counterparts (class 2), Hyndman et al.'s (2008) approximation for multiplicative
 * seasons (class 3, see {@link EtsClassThree}), and a seeded simulation of the model for
 * the rest (multiplicative trends).
 */
final class EtsMoments {

	private static final int PATHS = 5000;

	private EtsMoments() {
	}

	/** {@code {means, variances}} for steps {@code 1..horizon}. */
	static double[][] of(EtsFit fit, int horizon) {
		EtsType type = fit.type();
		boolean linear = type.trend() != 'M' && type.season() != 'M';
		if (linear && type.error() == 'A') {
			double[] mean = EtsRecursion.forecast(fit.last(), type, fit.m(), fit.phi(), horizon);
			return new double[][] { mean, classOne(fit, horizon) };
		}
		if (linear) {
			double[] mean = EtsRecursion.forecast(fit.last(), type, fit.m(), fit.phi(), horizon);
			return new double[][] { mean, classTwo(fit, mean, horizon) };
		}
		if (type.error() == 'M' && type.season() == 'M' && type.trend() != 'M') {
			return EtsClassThree.of(fit, horizon);
		}
		return simulated(fit, horizon);
	}

	/**
	 * {@code c_j = alpha + beta (phi + .. + phi^j) + gamma [j divisible by m]}, for j =
	 * 1..horizon-1.
	 */
	private static double[] weights(EtsFit fit, int horizon) {
		double[] c = new double[Math.max(horizon - 1, 0)];
		double phiSum = 0;
		double phiPower = 1;
		for (int j = 1; j < horizon; j++) {
			phiPower *= fit.phi();
			phiSum += phiPower;
			double value = fit.alpha() + fit.beta() * phiSum;
			if (fit.type().hasSeason() && j % fit.m() == 0) {
				value += fit.gamma();
			}
			c[j - 1] = value;
		}
		return c;
	}

	private static double[] classOne(EtsFit fit, int horizon) {
		double[] c = weights(fit, horizon);
		double[] variance = new double[horizon];
		double sum = 1;
		variance[0] = fit.sigma2();
		for (int j = 1; j < horizon; j++) {
			sum += c[j - 1] * c[j - 1];
			variance[j] = fit.sigma2() * sum;
		}
		return variance;
	}

	private static double[] classTwo(EtsFit fit, double[] mean, int horizon) {
		double[] c = weights(fit, horizon);
		double sigma2 = fit.sigma2();
		double[] theta = new double[horizon];
		double[] variance = new double[horizon];
		for (int j = 0; j < horizon; j++) {
			double sum = 0;
			for (int i = 0; i < j; i++) {
				sum += c[i] * c[i] * theta[j - 1 - i];
			}
			theta[j] = mean[j] * mean[j] + sigma2 * sum;
			variance[j] = (1 + sigma2) * theta[j] - mean[j] * mean[j];
		}
		return variance;
	}

	/**
	 * Means are the point forecasts; variances those of simulated sample paths (fixed
	 * seed), over the paths that stay defined.
	 */
	private static double[][] simulated(EtsFit fit, int horizon) {
		EtsType type = fit.type();
		double[] mean = EtsRecursion.forecast(fit.last(), type, fit.m(), fit.phi(), horizon);
		double sd = Math.sqrt(fit.sigma2());
		Random random = new Random(42);
		double[] sum = new double[horizon];
		double[] sumSquares = new double[horizon];
		int[] counts = new int[horizon];
		double[] path = new double[horizon];
		double[] seasons = new double[fit.m()];
		for (int p = 0; p < PATHS; p++) {
			EtsSimulation.path(fit, random, sd, path, seasons);
			for (int i = 0; i < horizon; i++) {
				if (Double.isFinite(path[i])) {
					sum[i] += path[i];
					sumSquares[i] += path[i] * path[i];
					counts[i]++;
				}
			}
		}
		double[] variance = new double[horizon];
		for (int i = 0; i < horizon; i++) {
			int count = counts[i];
			if (count < 2) {
				// no usable paths (the slope turned negative): a random walk's spread
				// around the mean
				variance[i] = fit.sigma2() * mean[i] * mean[i] * (i + 1);
				continue;
			}
			double m = sum[i] / count;
			variance[i] = Math.max(0, (sumSquares[i] - count * m * m) / (count - 1));
		}
		return new double[][] { mean, variance };
	}

}
