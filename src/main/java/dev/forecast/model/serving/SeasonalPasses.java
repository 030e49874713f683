package dev.forecast.model.serving;

import java.util.function.UnaryOperator;

import dev.forecast.model.Seasonality;

/**
 * The seasonal adjustment of a global model's forecasts: each history divided by the
 * indices of the classical multiplicative decomposition of its last
 * {@link Seasonality#HISTORY_CYCLES} cycles ({@link Seasonality#adjust}; a history the
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
		Seasonality.Adjusted[] adjusted = new Seasonality.Adjusted[histories.length];
		double[][] values = new double[histories.length][];
		for (int i = 0; i < histories.length; i++) {
			adjusted[i] = Seasonality.adjust(histories[i], histories[i].length, period);
			values[i] = adjusted[i].values();
		}
		double[][] out = networks.apply(values);
		for (int i = 0; i < out.length; i++) {
			int n = histories[i].length;
			for (int k = 0; adjusted[i].seasonal() && k < Math.min(steps, out[i].length); k++) {
				out[i][k] *= adjusted[i].index(n + k);
			}
		}
		return out;
	}

}
