package dev.forecast.model.training;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A run's validation MAE against the naive baselines on the same validation points
 * ({@link NaiveBaselines}): the guard against a network that loses to forecasting the
 * last value (or the value a season ago). A ratio below 1 beats the baseline.
 *
 * @param ratio validation MAE over the better baseline's MAE: the figure to judge a run
 * by
 * @param baseline the better baseline: {@code naive} or {@code seasonal_naive}
 * @param worse {@code true} when the run does not beat that baseline ({@code ratio >= 1})
 * @param naive validation MAE over the naive forecast's MAE
 * @param seasonalNaive validation MAE over the seasonal naive forecast's MAE
 * ({@code null}: no season)
 * @param seasonalNaiveMae the seasonal naive forecast's MAE ({@code null}: no season)
 * @param season the season of the seasonal naive forecast ({@code null}: none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VsNaive(double ratio, String baseline, boolean worse, double naive, Double seasonalNaive,
		Double seasonalNaiveMae, Integer season) {

	/** The comparison, or {@code null} when the naive MAE is unknown or zero. */
	public static VsNaive of(double valMae, double naiveMae, double seasonalNaiveMae, Integer season) {
		if (!(naiveMae > 0) || !Double.isFinite(valMae)) {
			return null;
		}
		double naive = valMae / naiveMae;
		boolean seasonal = seasonalNaiveMae > 0 && Double.isFinite(seasonalNaiveMae);
		Double seasonalRatio = seasonal ? valMae / seasonalNaiveMae : null;
		boolean seasonalBetter = seasonal && seasonalNaiveMae < naiveMae;
		double ratio = seasonalBetter ? seasonalRatio : naive;
		return new VsNaive(round(ratio), seasonalBetter ? "seasonal_naive" : "naive", !(ratio < 1), round(naive),
				seasonal ? round(seasonalRatio) : null, seasonal ? seasonalNaiveMae : null, seasonal ? season : null);
	}

	private static double round(double ratio) {
		return Math.round(ratio * 10000) / 10000.0;
	}

}
