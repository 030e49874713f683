package dev.forecast.model.serving;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The guard against a network that loses to naive: its forecasts pulled toward a naive
 * baseline by a weight chosen on the validation part,
 * {@code forecast = base + weight · (network − base)}, with {@code base} the naive
 * forecast (the last value) or the seasonal naive forecast (the value a season before the
 * target). Weight 1 serves the network as it is, 0 the baseline.
 * <p>
 * Fitted on the validation forecasts by {@code model.training.ShrinkageFit}, stored with
 * the model ({@link ModelCodec}, format version 4) and applied by {@link Predictor} to
 * every forecast (after the median of an ensemble's networks).
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
	public double base(double[] history, int end, int k) {
		return SEASONAL_NAIVE.equals(this.base) ? history[end - this.season + k % this.season] : history[end - 1];
	}

	/**
	 * Shrinks {@code forecast} (the network's values after {@code history[0, end)}) in
	 * place. {@link Predictor} applies it to every forecast of a model that carries it.
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

}
