package dev.forecast.forecast.stats;

import java.util.Arrays;
import java.util.Random;

/**
 * Sample paths of a fitted form: Gaussian errors fed through the model's own recursion.
 */
final class EtsSimulation {

	private EtsSimulation() {
	}

	/**
	 * Fills {@code path} with one simulated future; {@code seasons} is work space of
	 * {@code m} values.
	 */
	static void path(EtsFit fit, Random random, double sd, double[] path, double[] seasons) {
		EtsType type = fit.type();
		double[] state = fit.last().clone();
		double[] next = new double[state.length];
		double[] one = new double[1];
		for (int i = 0; i < path.length; i++) {
			double f = EtsRecursion.forecast(state, type, fit.m(), fit.phi(), 1)[0];
			double e = sd * random.nextGaussian();
			double value = (type.error() == 'A') ? f + e : f * (1 + e);
			path[i] = value;
			if (!Double.isFinite(value)) {
				Arrays.fill(path, i, path.length, Double.NaN);
				return;
			}
			one[0] = value;
			EtsRecursion.run(one, type, fit.m(), fit.alpha(), fit.beta(), fit.gamma(), fit.phi(), state, seasons, null,
					null, next);
			double[] swap = state;
			state = next;
			next = swap;
		}
	}

}
