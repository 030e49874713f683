package dev.forecast.model.serving;

import java.util.Arrays;
import java.util.List;

/**
 * Combines the forecasts of an ensemble's networks: the median of each value (the mean of
 * the middle two for an even number), robust to one network that drifts away.
 * {@link Predictor} combines the networks of a model with {@link TrainedModel#members()}
 * this way; {@code model.training.Ensembles} says how many a run trains.
 */
public final class Ensemble {

	private Ensemble() {
	}

	/**
	 * The element-wise median of forecasts of the same shape ({@code [history][step]}).
	 */
	public static double[][] median(List<double[][]> forecasts) {
		double[][] first = forecasts.get(0);
		double[][] out = new double[first.length][];
		double[] values = new double[forecasts.size()];
		for (int i = 0; i < first.length; i++) {
			out[i] = new double[first[i].length];
			for (int k = 0; k < first[i].length; k++) {
				for (int m = 0; m < values.length; m++) {
					values[m] = forecasts.get(m)[i][k];
				}
				Arrays.sort(values);
				int mid = values.length / 2;
				out[i][k] = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
			}
		}
		return out;
	}

}
