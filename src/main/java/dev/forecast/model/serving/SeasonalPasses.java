package dev.forecast.model.serving;

import java.util.function.UnaryOperator;

import dev.forecast.model.Seasonality;

/**
 * The seasonal adjustment of a global model's forecasts: each history divided by the
 * indices of the classical multiplicative decomposition of its last
 * {@link Seasonality#HISTORY_CYCLES} cycles ({@link Seasonality#adjusted}; a history the
 * test finds not seasonal, or not positive, stays as it is), the networks run on the
 * adjusted histories, and their forecasts multiplied by the indices the cycle continues
 * with. Training adjusts the members alike.
 */
final class SeasonalPasses {

	private SeasonalPasses() {
	}

	/**
	 * {@code networks} applied to the adjusted {@code histories}, its {@code steps}
	 * forecasts of each reseasonalized.
	 */
	static double[][] forecast(double[][] histories, int period, int steps, UnaryOperator<double[][]> networks) {
		double[][] adjusted = new double[histories.length][];
		for (int i = 0; i < histories.length; i++) {
			adjusted[i] = Seasonality.adjusted(histories[i], histories[i].length, period);
		}
		double[][] out = networks.apply(adjusted);
		for (int i = 0; i < out.length; i++) {
			double[] history = histories[i];
			if (adjusted[i] == history) {
				continue;
			}
			// the index of the point before the forecasts, and the cycle from there on
			int n = history.length;
			for (int k = 0; k < Math.min(steps, out[i].length); k++) {
				int back = n - period + (k % period); // the same position one or more
														// cycles back
				out[i][k] *= history[back] / adjusted[i][back];
			}
		}
		return out;
	}

}
