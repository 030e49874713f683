package dev.forecast.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.ConflictException;
import dev.forecast.series.SeriesService;
import dev.forecast.series.SeriesView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code GET /evaluation}: a rolling-origin backtest. Every one of the last
 * {@code holdout} points is forecast {@code horizon} steps ahead from the points before
 * it (the origin moves one step at a time, and only data up to the origin is used,
 * including for the residuals behind the intervals); the errors give MAE, RMSE, MAPE,
 * sMAPE, MASE and the interval coverage. It reads at most
 * {@code holdout + evaluationHistory} points from the end of the series.
 */
@Service
public class EvaluationService {

	/**
	 * Upper bound of holdout x horizon x lookback: the values one method's backtest may
	 * read.
	 */
	static final long MAX_WORK = 2_000_000_000L;

	private final SeriesService series;

	private final Forecasters forecasters;

	private final ForecastProperties properties;

	EvaluationService(SeriesService series, Forecasters forecasters, ForecastProperties properties) {
		this.series = series;
		this.forecasters = forecasters;
		this.properties = properties;
	}

	/**
	 * @param holdout number of final points to forecast, or {@code null} for a tenth of
	 * the series
	 * @param methods the methods to compare, or {@code null} for every method that needs
	 * no training
	 */
	@Transactional(readOnly = true)
	public EvaluationResponse evaluate(long seriesId, Integer holdout, int horizon, List<Method> methods,
			ForecastParams params, Levels levels) {
		ForecastService.checkHorizon(horizon, this.properties.maxHorizon());
		SeriesView series = SeriesView.of(this.series.get(seriesId));
		long length = series.length();
		int held = holdout != null ? holdout : (int) Math.min(this.properties.maxHoldout(), Math.max(1, length / 10));
		if (held < 1 || held > this.properties.maxHoldout() || held >= length - 1) {
			throw BadRequestException.invalid("holdout",
					"must be between 1 and " + Math.min(this.properties.maxHoldout(), length - 2) + " (the series has "
							+ length + " points), was " + held);
		}
		boolean explicit = methods != null;
		int read = (int) Math.min(length, (long) held + this.properties.evaluationHistory());
		int first = read - held;
		List<Method> chosen = explicit ? methods : defaults();
		List<EvaluationResponse.Skipped> skipped = new ArrayList<>();
		Map<Method, ForecastModel> models = new LinkedHashMap<>();
		for (Method method : chosen) {
			try {
				ForecastModel model = this.forecasters.get(method, seriesId).bind(series, params);
				int needs = model instanceof FittingModel fitting ? fitting.minPoints() : model.lookback();
				if (first - horizon + 1 < needs) {
					throw BadRequestException.invalid("holdout",
							"holdout " + held + " with horizon " + horizon + " leaves "
									+ Math.max(0, first - horizon + 1) + " points before the first forecast, but "
									+ method.code() + " reads " + needs + "; use a smaller holdout");
				}
				if ((long) held * horizon * model.lookback() > MAX_WORK) {
					throw BadRequestException.invalid("holdout",
							"holdout " + held + " x horizon " + horizon + " x " + method.code() + "'s lookback "
									+ model.lookback() + " is more work than one request may do (" + MAX_WORK
									+ "); use a smaller holdout, horizon or window");
				}
				models.put(method, model);
			}
			catch (BadRequestException ex) {
				if (explicit || (method.needsTraining() && params.run() != null)) {
					throw ex;
				}
				skipped.add(new EvaluationResponse.Skipped(method.code(), ex.getMessage()));
			}
			catch (ConflictException ex) {
				// a default evaluation compares trained methods only where the series has
				// a succeeded run
				if (explicit || !method.needsTraining() || params.run() != null) {
					throw ex;
				}
			}
		}
		if (models.isEmpty()) {
			throw BadRequestException.invalid("methods", "none of the methods fits this series: " + skipped);
		}
		double[] x = this.series.tail(series, read).values();
		Double scale = naiveScale(x, first);
		List<String> refitted = models.entrySet()
			.stream()
			.filter(e -> e.getValue() instanceof FittingModel)
			.map(e -> e.getKey().code())
			.toList();
		int stride = refitted.isEmpty() ? 1 : (held + this.properties.maxRefits() - 1) / this.properties.maxRefits();
		List<EvaluationResponse.Result> results = new ArrayList<>();
		for (Map.Entry<Method, ForecastModel> entry : models.entrySet()) {
			Method method = entry.getKey();
			try {
				results.add(entry.getValue() instanceof FittingModel fitting
						? RefitBacktest.run(method, fitting, x, held, horizon, stride, levels, scale)
						: backtest(method, entry.getValue(), x, held, horizon, stride, levels, scale));
			}
			catch (BadRequestException ex) {
				if (explicit) {
					throw ex;
				}
				skipped.add(new EvaluationResponse.Skipped(method.code(), ex.getMessage()));
			}
		}
		if (results.isEmpty()) {
			throw BadRequestException.invalid("methods", "none of the methods fits this series: " + skipped);
		}
		String best = results.stream()
			.min(Comparator.comparingDouble(EvaluationResponse.Result::mae))
			.orElseThrow()
			.method();
		List<String> notes = notes(x, first, results.get(0).mapeSkipped(), scale);
		if (!refitted.isEmpty()) {
			notes.add(RefitBacktest.note(refitted, held, stride, results.get(0).forecasts()));
		}
		for (ForecastModel model : models.values()) {
			String note = model.evaluationNote(length, held);
			if (note != null) {
				notes.add(note);
			}
		}
		return new EvaluationResponse(seriesId, held, horizon, results, best, scale, skipped, notes);
	}

	/**
	 * Without {@code methods}: every method that needs no training, and the trained ones
	 * (neural), which are left out silently when the series has no succeeded run and no
	 * {@code run} is given.
	 */
	private List<Method> defaults() {
		List<Method> methods = new ArrayList<>(this.forecasters.untrained());
		methods.addAll(this.forecasters.trained());
		return methods;
	}

	/**
	 * Scores every {@code stride}-th holdout point counting back from the last
	 * ({@link RefitBacktest#scored}).
	 */
	private EvaluationResponse.Result backtest(Method method, ForecastModel model, double[] x, int holdout, int horizon,
			int stride, Levels levels, Double scale) {
		if (model.ownIntervals() != null) {
			return backtestOwnIntervals(method, model, x, holdout, horizon, stride, levels, scale);
		}
		int n = x.length;
		int first = n - holdout;
		int lookback = model.lookback();
		int window = this.properties.residualWindow();
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
	private EvaluationResponse.Result backtestOwnIntervals(Method method, ForecastModel model, double[] x, int holdout,
			int horizon, int stride, Levels levels, Double scale) {
		int first = x.length - holdout;
		double[] forecasts = model.backtest(x, first, horizon);
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

	/**
	 * The in-sample one-step naive MAE over {@code x[0, first)}, or null when it is 0.
	 */
	static Double naiveScale(double[] x, int first) {
		double sum = 0;
		for (int i = 1; i < first; i++) {
			sum += Math.abs(x[i] - x[i - 1]);
		}
		double scale = first > 1 ? sum / (first - 1) : 0;
		return scale > 0 ? scale : null;
	}

	private static List<String> notes(double[] x, int first, int zeroActuals, Double scale) {
		List<String> notes = new ArrayList<>();
		notes.add("Each of the last holdout points is forecast horizon steps ahead from the points before it "
				+ "(rolling origin); intervals use the one-step residuals known at each origin.");
		notes.add(zeroActuals == 0 ? "MAPE: no holdout point has an actual value of 0."
				: "MAPE skips the " + zeroActuals + " holdout point(s) whose actual value is 0 (a percentage of 0 "
						+ "is undefined); the other metrics include them.");
		notes.add(scale == null
				? "MASE is null: the in-sample one-step naive MAE over the " + first
						+ " points before the holdout is 0."
				: "MASE = MAE / " + String.format(Locale.ROOT, "%.4f", scale)
						+ ", the in-sample one-step naive MAE over the " + first + " points read before the holdout.");
		return notes;
	}

}
