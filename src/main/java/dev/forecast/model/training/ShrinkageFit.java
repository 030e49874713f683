package dev.forecast.model.training;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.Shrinkage;

/**
 * Fits a model's {@link Shrinkage} toward naive or seasonal naive on its validation part:
 * every validation origin is forecast the way the model serves (direct, then recursive,
 * up to {@code steps} ahead), the baselines and every weight of a grid are scored on the
 * same points, and the lowest validation MAE is kept, so the served forecasts are never
 * worse on the validation part than either baseline (nor, undamped, than the network
 * alone). Only validation points are read, never anything after the series the run was
 * given.
 * <p>
 * On short series ({@link #damping(TrainSpec, int)}) the weight is also damped per step
 * ahead ({@link #SHORT_SERIES_DAMPING}, fixed, not fitted): their validation part (5 to
 * 13 points on monthly series of 4 to 10 years) cannot show how the network's recursive
 * forecasts drift 18 steps ahead, and fitting a damping on so few points chose noise.
 * Chosen on 41 monthly M3 series outside {@code bench/neural-accuracy.sh}'s sample
 * (docs/training.md, "the guard on short series").
 */
public final class ShrinkageFit {

	/** The weights tried, 0 to 1 in steps of {@code 1 / GRID}. */
	static final int GRID = 20;

	/** The damping per step ahead of the network's weight on short series. */
	public static final double SHORT_SERIES_DAMPING = 0.97;

	/**
	 * The damping of a run of {@code spec} on {@code length} points:
	 * {@link #SHORT_SERIES_DAMPING} when it has fewer than {@link Ensembles#SHORT}
	 * training windows, 1 (none) otherwise.
	 */
	public static double damping(TrainSpec spec, int length) {
		long windows = (long) length - spec.validation() - spec.window() - spec.horizon() + 1;
		return windows < Ensembles.SHORT ? SHORT_SERIES_DAMPING : 1;
	}

	private ShrinkageFit() {
	}

	/**
	 * The shrinkage with the lowest validation MAE.
	 * @param series the values the run was given
	 * @param validation its last points, held out from fitting the network
	 * @param forecasts the network's forecasts from each validation origin
	 * ({@code forecasts[i]} from the points before
	 * {@code series.length - validation + i}, all of the same length)
	 * @param season the season of the seasonal baseline (null or below 2: naive only)
	 * @param window the history the model reads: the seasonal baseline is a candidate
	 * only when it holds a season
	 */
	public static Shrinkage fit(double[] series, int validation, double[][] forecasts, Integer season, int window) {
		return fit(series, validation, forecasts, season, window, 1);
	}

	/**
	 * The shrinkage with the lowest validation MAE whose weight is damped by
	 * {@code damping} per step ahead (1: not damped); the other arguments as
	 * {@link #fit(double[], int, double[][], Integer, int)} takes them.
	 */
	public static Shrinkage fit(double[] series, int validation, double[][] forecasts, Integer season, int window,
			double damping) {
		int trainEnd = series.length - validation;
		int steps = forecasts.length == 0 ? 0 : forecasts[0].length;
		boolean seasonal = season != null && season >= 2 && window >= season && trainEnd >= season;
		if (forecasts.length == 0) {
			return Shrinkage.NONE;
		}
		Shrinkage best = null;
		double networkMae = mae(series, trainEnd, forecasts, Shrinkage.NONE);
		for (String base : seasonal ? new String[] { Shrinkage.NAIVE, Shrinkage.SEASONAL_NAIVE }
				: new String[] { Shrinkage.NAIVE }) {
			int m = Shrinkage.SEASONAL_NAIVE.equals(base) ? season : 0;
			double baseMae = mae(series, trainEnd, forecasts, new Shrinkage(base, m, 0, 1.0, 0, 0, 0, 0));
			for (int g = GRID; g >= 0; g--) { // ties keep the larger weight
				double weight = (double) g / GRID;
				double mae = mae(series, trainEnd, forecasts, new Shrinkage(base, m, weight, damping, 0, 0, 0, 0));
				if (best == null || mae < best.mae()) {
					best = new Shrinkage(base, m, weight, damping, mae, networkMae, baseMae, steps);
				}
			}
		}
		return Double.isFinite(best.mae()) ? best : Shrinkage.NONE;
	}

	/** The MAE of {@code shrinkage} over every forecast whose target is in the series. */
	private static double mae(double[] series, int trainEnd, double[][] forecasts, Shrinkage shrinkage) {
		double sum = 0;
		long count = 0;
		for (int i = 0; i < forecasts.length; i++) {
			int origin = trainEnd + i;
			for (int k = 0; k < forecasts[i].length && origin + k < series.length; k++) {
				double f = shrinkage.identity() ? forecasts[i][k] : shrinkage.apply(series, origin, k, forecasts[i][k]);
				sum += Math.abs(series[origin + k] - f);
				count++;
			}
		}
		return count == 0 ? Double.NaN : sum / count;
	}

}
