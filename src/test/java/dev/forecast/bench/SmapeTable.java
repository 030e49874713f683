package dev.forecast.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The M3 competition's score: the sMAPE of one series is the mean over its test steps of
 * {@code 200 |y - f| / (|y| + |f|)}; a method's score for a period is the mean over that
 * period's series, and {@code ALL} the mean over every series (not the mean of the period
 * means).
 */
final class SmapeTable {

	static final String ALL = "ALL";

	private final Map<String, double[]> sums = new LinkedHashMap<>();

	/**
	 * sMAPE of one series, in percent; a step where both the actual and the forecast are
	 * 0 scores 0.
	 */
	static double smape(double[] actual, double[] forecast) {
		if (actual.length != forecast.length || actual.length == 0) {
			throw new IllegalArgumentException(
					"sMAPE needs as many forecasts as actuals: " + forecast.length + " for " + actual.length);
		}
		double total = 0;
		for (int i = 0; i < actual.length; i++) {
			double scale = Math.abs(actual[i]) + Math.abs(forecast[i]);
			total += scale == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / scale;
		}
		return total / actual.length;
	}

	/** Scores one series of {@code period}. */
	void add(String period, double seriesSmape) {
		add1(period, seriesSmape);
		add1(ALL, seriesSmape);
	}

	/** Scores one series of {@code period} from its actual and forecast values. */
	void add(String period, double[] actual, double[] forecast) {
		add(period, smape(actual, forecast));
	}

	private void add1(String key, double value) {
		double[] sum = this.sums.computeIfAbsent(key, k -> new double[2]);
		sum[0] += value;
		sum[1]++;
	}

	/**
	 * The mean sMAPE of the series scored in {@code period} (or {@link #ALL}); NaN when
	 * there are none.
	 */
	double mean(String period) {
		double[] sum = this.sums.get(period);
		return sum == null ? Double.NaN : sum[0] / sum[1];
	}

	/** The number of series scored in {@code period} (or {@link #ALL}). */
	int count(String period) {
		double[] sum = this.sums.get(period);
		return sum == null ? 0 : (int) sum[1];
	}

}
