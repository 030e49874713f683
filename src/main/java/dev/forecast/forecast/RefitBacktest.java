package dev.forecast.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.forecast.forecast.stats.FittedModel;

/**
 * The backtest of a classical method ({@link FittingModel}): at every scored holdout
 * point {@code t} the model is fitted again to the points before the origin
 * {@code t - horizon + 1} (at most its lookback of them), forecasts {@code horizon}
 * steps, and its interval {@code forecast ± z * sqrt(variance)} is checked against
 * {@code x[t]}. Origins are fitted in parallel. A holdout longer than
 * {@code forecast.forecast.max-refits} is scored at every {@code stride}-th point
 * counting back from the last, for every method of the evaluation alike.
 */
final class RefitBacktest {

	private RefitBacktest() {
	}

	/**
	 * Whether holdout point {@code t} of {@code n} is scored: every {@code stride}-th,
	 * the last one included.
	 */
	static boolean scored(int t, int n, int stride) {
		return (n - 1 - t) % stride == 0;
	}

	static EvaluationResponse.Result run(Method method, FittingModel model, double[] x, int holdout, int horizon,
			int stride, Levels levels, Double scale, Computation work) {
		int n = x.length;
		int[] points = IntStream.range(n - holdout, n).filter(t -> scored(t, n, stride)).toArray();
		double[][] forecasts = new double[points.length][];
		IntStream.range(0, points.length).parallel().forEach(i -> {
			work.check();
			FittedModel fitted = model.fit(x, points[i] - horizon + 1);
			forecasts[i] = new double[] { fitted.forecast(horizon)[horizon - 1],
					fitted.forecastVariance(horizon)[horizon - 1] };
		});
		List<Double> percents = levels.percents();
		double[] z = percents.stream().mapToDouble(p -> Levels.z(p / 100)).toArray();
		int[] covered = new int[percents.size()];
		int intervals = 0;
		BacktestMetrics metrics = new BacktestMetrics();
		for (int i = 0; i < points.length; i++) {
			double actual = x[points[i]];
			double forecast = forecasts[i][0];
			double variance = forecasts[i][1];
			metrics.add(actual, forecast);
			if (variance >= 0 && Double.isFinite(variance)) {
				intervals++;
				for (int l = 0; l < z.length; l++) {
					if (Math.abs(actual - forecast) <= z[l] * Math.sqrt(variance)) {
						covered[l]++;
					}
				}
			}
		}
		Map<String, Double> coverage = new LinkedHashMap<>();
		if (intervals > 0) {
			for (int l = 0; l < z.length; l++) {
				coverage.put(Levels.key(percents.get(l)), (double) covered[l] / intervals);
			}
		}
		return metrics.result(method, model.params(), scale, coverage);
	}

	static String note(List<String> refitted, int holdout, int stride, int scored) {
		String methods = String.join(", ", refitted);
		String fitted = methods + (refitted.size() == 1 ? " is" : " are") + " fitted again at every scored origin to "
				+ "the points before it only (intervals: forecast ± z·sd from the model's forecast variance)";
		return stride == 1 ? fitted + "."
				: fitted + "; the holdout of " + holdout
						+ " points is longer than forecast.forecast.max-refits, so every "
						+ "method is scored at one holdout point in " + stride + ", counting back from the last ("
						+ scored + " points).";
	}

}
