package dev.forecast.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rolling-origin backtest of a method that is not refitted: a one-step rule with
 * intervals from the one-step residuals known at each origin, or a trained model with its
 * own intervals whose origins go through the network in batches. The {@link Computation}
 * is checked before every origin (every batch).
 */
final class RollingBacktest {

	/** Origins of a trained model forecast in one batched call. */
	static final int BATCH = 512;

	private RollingBacktest() {
	}

	/**
	 * Scores every {@code stride}-th holdout point counting back from the last
	 * ({@link RefitBacktest#scored}).
	 */
	static EvaluationResponse.Result run(Method method, ForecastModel model, double[] x, int holdout, int horizon,
			int stride, Levels levels, Double scale, int window, Computation work) {
		if (model.ownIntervals() != null) {
			return ownIntervals(method, model, x, holdout, horizon, stride, levels, scale, work);
		}
		int n = x.length;
		int first = n - holdout;
		int lookback = model.lookback();
		int firstOrigin = first - horizon + 1;
		double[] residuals = model.residuals(x, firstOrigin - window);
		SortedWindow recent = new SortedWindow(window);
		int from = Math.max(lookback, firstOrigin - window);
		for (int i = from; i < firstOrigin; i++) {
			recent.add(residuals[i]);
		}
		double spread = model.spread(horizon);
		List<Double> percents = levels.percents();
		int[] covered = new int[percents.size()];
		int intervals = 0;
		BacktestMetrics metrics = new BacktestMetrics();
		for (int t = first; t < n; t++) {
			int origin = t - horizon + 1;
			if (origin > firstOrigin) {
				recent.add(residuals[origin - 1]);
				if (origin - 1 - window >= lookback) {
					recent.remove(residuals[origin - 1 - window]);
				}
			}
			if (!RefitBacktest.scored(t, n, stride)) {
				continue;
			}
			work.check();
			double forecast = model.forecast(x, origin, horizon)[horizon - 1];
			metrics.add(x[t], forecast);
			if (recent.size() >= Intervals.MIN_RESIDUALS) {
				intervals++;
				for (int l = 0; l < percents.size(); l++) {
					double level = percents.get(l) / 100;
					double lo = forecast + recent.quantile((1 - level) / 2) * spread;
					double hi = forecast + recent.quantile((1 + level) / 2) * spread;
					if (x[t] >= lo && x[t] <= hi) {
						covered[l]++;
					}
				}
			}
		}
		Map<String, Double> coverage = new LinkedHashMap<>();
		if (intervals > 0) {
			for (int l = 0; l < percents.size(); l++) {
				coverage.put(Levels.key(percents.get(l)), (double) covered[l] / intervals);
			}
		}
		return metrics.result(method, model.params(), scale, coverage);
	}

	/**
	 * The backtest of a model with its own intervals (a trained model): every origin's
	 * forecast in one batched call, and the coverage of the {@code horizon}-step
	 * intervals, which are the same at every origin (calibrated once, on the run's
	 * validation errors).
	 */
	private static EvaluationResponse.Result ownIntervals(Method method, ForecastModel model, double[] x, int holdout,
			int horizon, int stride, Levels levels, Double scale, Computation work) {
		int first = x.length - holdout;
		double[] forecasts = new double[holdout];
		for (int from = first; from < x.length; from += BATCH) {
			work.check();
			int to = Math.min(x.length, from + BATCH);
			double[] batch = model.backtest(Arrays.copyOf(x, to), from, horizon);
			System.arraycopy(batch, 0, forecasts, from - first, batch.length);
		}
		SymmetricIntervals own = model.ownIntervals();
		List<Double> percents = levels.percents();
		double[] widths = new double[percents.size()];
		for (int l = 0; l < widths.length; l++) {
			widths[l] = own.isEmpty() ? Double.NaN : own.halfWidths(percents.get(l) / 100, horizon)[horizon - 1];
		}
		int[] covered = new int[percents.size()];
		BacktestMetrics metrics = new BacktestMetrics();
		for (int t = first; t < x.length; t++) {
			if (!RefitBacktest.scored(t, x.length, stride)) {
				continue;
			}
			double forecast = forecasts[t - first];
			metrics.add(x[t], forecast);
			for (int l = 0; l < widths.length; l++) {
				if (Math.abs(x[t] - forecast) <= widths[l]) {
					covered[l]++;
				}
			}
		}
		Map<String, Double> coverage = new LinkedHashMap<>();
		if (!own.isEmpty()) {
			for (int l = 0; l < percents.size(); l++) {
				coverage.put(Levels.key(percents.get(l)), (double) covered[l] / metrics.count());
			}
		}
		return metrics.result(method, model.params(), scale, coverage);
	}

}
