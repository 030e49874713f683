package dev.forecast.model.training;

/**
 * The baselines a neural run must beat, scored on exactly its validation points: every
 * validation window (origin {@code t}, one of the last {@code validation} points, with
 * all {@code horizon} targets inside the series) forecast by the naive method (the last
 * value before {@code t}, {@link Diagnosis#naiveMae}) and by the seasonal naive method
 * (the value one season before each target, from before {@code t}).
 */
public final class NaiveBaselines {

	private NaiveBaselines() {
	}

	/**
	 * The MAE of the seasonal naive forecast on the validation windows, or {@code NaN}
	 * without a season ({@code null} or below 2) or when the training part is shorter
	 * than a season.
	 */
	public static double seasonalNaiveMae(double[] series, int horizon, int validation, Integer season) {
		int trainEnd = series.length - validation;
		if (season == null || season < 2 || trainEnd < season) {
			return Double.NaN;
		}
		int m = season;
		int count = series.length - horizon - trainEnd + 1;
		double sum = 0;
		long n = 0;
		for (int i = 0; i < count; i++) {
			int origin = trainEnd + i;
			for (int k = 0; k < horizon; k++) {
				int target = origin + k;
				double forecast = series[target - m * (k / m + 1)];
				sum += Math.abs(series[target] - forecast);
				n++;
			}
		}
		return n == 0 ? Double.NaN : sum / n;
	}

}
