package dev.forecast.model.serving;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The guard against a network that loses to naive: its forecasts pulled toward a naive
 * baseline by a weight chosen on the validation part and a damping per step ahead,
 * {@code forecast[k] = base[k] + weight · damping^k · (network[k] − base[k])} ({@code k =
 * 0} the next value), with {@code base} the naive forecast (the last value) or the
 * seasonal naive forecast (the value a season before the target). Weight and damping 1
 * serve the network as it is, weight 0 the baseline; a damping below 1 lets the network
 * depart from the baseline less and less the further ahead it forecasts (the recursive
 * steps of a short series' network drift, and its short validation part cannot show it).
 * <p>
 * Fitted on the validation forecasts by {@code model.training.ShrinkageFit}, stored with
 * the model ({@link ModelCodec}, format version 5 on) and applied by {@link Predictor} to
 * every forecast (after the median of an ensemble's networks).
 *
 * @param base {@code naive} or {@code seasonal_naive}
 * @param season the season of {@code seasonal_naive} (0 for {@code naive})
 * @param weight the network's weight, in [0, 1]
 * @param damping the factor per step ahead on the network's weight, in (0, 1]
 * ({@code null}: 1)
 * @param mae validation MAE of the shrunk forecasts over every scored step ({@code NaN}
 * when not fitted)
 * @param networkMae the same for the network alone (weight 1)
 * @param baseMae the same for the baseline alone (weight 0)
 * @param steps the steps ahead scored from each validation origin
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shrinkage(String base, int season, double weight, Double damping, double mae, double networkMae,
		double baseMae, int steps) {

	public static final String NAIVE = "naive";

	public static final String SEASONAL_NAIVE = "seasonal_naive";

	/** No shrinkage: the network's forecasts as they are. */
	public static final Shrinkage NONE = new Shrinkage(NAIVE, 0, 1, 1.0, Double.NaN, Double.NaN, Double.NaN, 0);

	/** Metrics stored before the damping existed read as undamped. */
	public Shrinkage {
		damping = (damping != null) ? damping : 1.0;
		if (!(weight >= 0 && weight <= 1)) {
			throw new IllegalArgumentException("shrinkage weight must be in [0, 1], got " + weight);
		}
		if (!(damping > 0 && damping <= 1)) {
			throw new IllegalArgumentException("shrinkage damping must be in (0, 1], got " + damping);
		}
		if (SEASONAL_NAIVE.equals(base) ? season < 2 : !NAIVE.equals(base)) {
			throw new IllegalArgumentException("unknown shrinkage base " + base + " (season " + season + ")");
		}
	}

	/** {@code true} when forecasts are served as the network makes them. */
	public boolean identity() {
		return this.weight == 1 && this.damping == 1;
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
	 * The shrunk value of the network's forecast {@code value} {@code k} steps after the
	 * end of {@code history[0, end)}.
	 */
	public double apply(double[] history, int end, int k, double value) {
		double b = base(history, end, k);
		return b + this.weight * Math.pow(this.damping, k) * (value - b);
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
			forecast[k] = apply(history, end, k, forecast[k]);
		}
	}

}
