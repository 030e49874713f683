package dev.forecast.model.training;

import java.util.Arrays;

import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;

/**
 * The calibration errors of a trained model: every validation origin (each of the last
 * {@code validation} points of the series it was trained on) is forecast up to
 * {@code steps} steps ahead from the points before it, the way the model serves forecasts
 * (direct for the first {@code horizon} steps, recursive beyond), and the absolute errors
 * are kept sorted per step ahead. A step-{@code k} forecast is scored where its target
 * lies inside the series, so step {@code k} has {@code validation - k + 1} errors. All
 * origins go through the network in one batched pass per {@code horizon} steps.
 */
public final class ValidationResiduals {

	private ValidationResiduals() {
	}

	/**
	 * @param model the trained model (its network is used on the calling thread)
	 * @param series the values it was trained on
	 * @param validation the final points held out from training
	 * @param maxSteps the steps ahead to score at least (more when the model's horizon is
	 * larger), at most {@code validation}
	 * @return sorted absolute errors, index {@code k - 1} for {@code k} steps ahead
	 */
	public static float[][] compute(TrainedModel model, double[] series, int validation, int maxSteps) {
		return fromForecasts(forecasts(model, series, validation, maxSteps), series, validation);
	}

	/**
	 * The sorted absolute errors per step ahead of {@code forecasts} from every
	 * validation origin (as {@link #forecasts} returns them).
	 */
	public static float[][] fromForecasts(double[][] forecasts, double[] series, int validation) {
		int trainEnd = series.length - validation;
		if (forecasts.length == 0) {
			return new float[0][];
		}
		int steps = forecasts[0].length;
		float[][] residuals = new float[steps][];
		for (int k = 1; k <= steps; k++) {
			float[] errors = new float[validation - k + 1];
			for (int i = 0; i < errors.length; i++) {
				errors[i] = (float) Math.abs(series[trainEnd + i + k - 1] - forecasts[i][k - 1]);
			}
			Arrays.sort(errors);
			residuals[k - 1] = errors;
		}
		return residuals;
	}

	/**
	 * The model's forecasts from every validation origin (as its {@link Predictor} serves
	 * them: an ensemble's median, shrunk when the model carries a shrinkage),
	 * {@code min(validation, max(horizon, maxSteps))} steps ahead each
	 * ({@code forecasts[i]} from the points before
	 * {@code series.length - validation + i}), or none when the training part is shorter
	 * than the window.
	 */
	public static double[][] forecasts(TrainedModel model, double[] series, int validation, int maxSteps) {
		int trainEnd = series.length - validation;
		int steps = Math.min(validation, Math.max(model.horizon(), maxSteps));
		if (steps < 1 || trainEnd < model.window()) {
			return new double[0][];
		}
		double[][] histories = new double[validation][];
		for (int i = 0; i < validation; i++) {
			int origin = trainEnd + i;
			histories[i] = Arrays.copyOfRange(series, origin - model.window(), origin);
		}
		return Predictor.of(model).forecast(histories, steps);
	}

}
