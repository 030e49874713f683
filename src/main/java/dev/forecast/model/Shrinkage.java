package dev.forecast.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The guard against a network that loses to naive: its forecasts pulled toward a naive
 * baseline by a weight chosen on the validation part,
 * {@code forecast = base + weight · (network − base)}, with {@code base} the naive
 * forecast (the last value) or the seasonal naive forecast (the value a season before the
 * target). Weight 1 serves the network as it is, 0 the baseline.
 * <p>
 * {@link #fit} forecasts every validation origin the way the model serves (direct, then
 * recursive, up to {@code steps} ahead), scores the baselines and every weight of a grid
 * on the same points, and keeps the lowest validation MAE, so the served forecasts are
 * never worse on the validation part than either baseline or the network alone. Only
 * validation points are read, never anything after the series the run was given.
 *
 * @param base {@code naive} or {@code seasonal_naive}
 * @param season the season of {@code seasonal_naive} (0 for {@code naive})
 * @param weight the network's weight, in [0, 1]
 * @param mae validation MAE of the shrunk forecasts over every scored step ({@code NaN}
 * when not fitted)
 * @param networkMae the same for the network alone (weight 1)
 * @param baseMae the same for the baseline alone (weight 0)
 * @param steps the steps ahead scored from each validation origin
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shrinkage(String base, int season, double weight, double mae, double networkMae, double baseMae,
		int steps) {

	public static final String NAIVE = "naive";

	public static final String SEASONAL_NAIVE = "seasonal_naive";

	/** No shrinkage: the network's forecasts as they are. */
	public static final Shrinkage NONE = new Shrinkage(NAIVE, 0, 1, Double.NaN, Double.NaN, Double.NaN, 0);

	/** The weights tried, 0 to 1 in steps of {@code 1 / GRID}. */
	static final int GRID = 20;

	public Shrinkage {
		if (!(weight >= 0 && weight <= 1)) {
			throw new IllegalArgumentException("shrinkage weight must be in [0, 1], got " + weight);
		}
		if (SEASONAL_NAIVE.equals(base) ? season < 2 : !NAIVE.equals(base)) {
			throw new IllegalArgumentException("unknown shrinkage base " + base + " (season " + season + ")");
		}
	}

	/** {@code true} when forecasts are served as the network makes them. */
	public boolean identity() {
		return this.weight == 1;
	}

	/** The history a forecast needs: a season for {@code seasonal_naive}, else 1. */
	public int historyNeeded() {
		return SEASONAL_NAIVE.equals(this.base) ? this.season : 1;
	}

	/**
	 * The baseline's forecast {@code k} steps after the end ({@code k = 0} the next
	 * value) of {@code history[0, end)}.
	 */
	double base(double[] history, int end, int k) {
		return SEASONAL_NAIVE.equals(this.base) ? history[end - this.season + k % this.season] : history[end - 1];
	}

	/**
	 * Shrinks {@code forecast} (the network's values after {@code history[0, end)}) in
	 * place.
	 */
	public void apply(double[] history, int end, double[] forecast) {
		if (identity()) {
			return;
		}
		for (int k = 0; k < forecast.length; k++) {
			double b = base(history, end, k);
			forecast[k] = b + this.weight * (forecast[k] - b);
		}
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
		int trainEnd = series.length - validation;
		int steps = forecasts.length == 0 ? 0 : forecasts[0].length;
		boolean seasonal = season != null && season >= 2 && window >= season && trainEnd >= season;
		Shrinkage best = null;
		double networkMae = mae(series, trainEnd, forecasts, NONE);
		for (String base : seasonal ? new String[] { NAIVE, SEASONAL_NAIVE } : new String[] { NAIVE }) {
			int m = SEASONAL_NAIVE.equals(base) ? season : 0;
			double baseMae = mae(series, trainEnd, forecasts, new Shrinkage(base, m, 0, 0, 0, 0, 0));
			for (int g = GRID; g >= 0; g--) { // ties keep the larger weight
				double weight = (double) g / GRID;
				double mae = mae(series, trainEnd, forecasts, new Shrinkage(base, m, weight, 0, 0, 0, 0));
				if (best == null || mae < best.mae) {
					best = new Shrinkage(base, m, weight, mae, networkMae, baseMae, steps);
				}
			}
		}
		return Double.isFinite(best.mae) ? best : NONE;
	}

	/** The MAE of {@code shrinkage} over every forecast whose target is in the series. */
	private static double mae(double[] series, int trainEnd, double[][] forecasts, Shrinkage shrinkage) {
		double sum = 0;
		long count = 0;
		for (int i = 0; i < forecasts.length; i++) {
			int origin = trainEnd + i;
			for (int k = 0; k < forecasts[i].length && origin + k < series.length; k++) {
				double f = forecasts[i][k];
				if (!shrinkage.identity()) {
					double b = shrinkage.base(series, origin, k);
					f = b + shrinkage.weight * (f - b);
				}
				sum += Math.abs(series[origin + k] - f);
				count++;
			}
		}
		return count == 0 ? Double.NaN : sum / count;
	}

}
