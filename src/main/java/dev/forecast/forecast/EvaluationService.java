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
	/**
	 * The backtest of one series for callers that bound the work themselves (a
	 * collection's evaluation, member by member): work estimate checked, no deadline.
	 */
	public EvaluationResponse evaluate(long seriesId, Integer holdout, int horizon, List<Method> methods,
			ForecastParams params, Levels levels) {
		return evaluate(seriesId, holdout, horizon, methods, params, levels, Computation.UNBOUNDED);
	}

	public EvaluationResponse evaluate(long seriesId, Integer holdout, int horizon, List<Method> methods,
			ForecastParams params, Levels levels, Computation work) {
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
				int needs = model instanceof FittingModel fitting ? fitting.minPoints() : model.minimumHistory();
				if (first - horizon + 1 < needs) {
					throw BadRequestException.invalid("holdout",
							"holdout " + held + " with horizon " + horizon + " leaves "
									+ Math.max(0, first - horizon + 1) + " points before the first forecast, but "
									+ method.code() + " reads " + needs + "; use a smaller holdout");
				}
				long cost = work(model, held, horizon);
				if (cost > this.properties.maxWork()) {
					throw BadRequestException.invalid("holdout", tooMuch(method.code() + "'s backtest", cost));
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
		long estimate = models.values().stream().mapToLong(m -> work(m, held, horizon)).sum();
		if (estimate > this.properties.maxWork()) {
			throw BadRequestException.invalid("holdout", tooMuch("the evaluation", estimate));
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
						? RefitBacktest.run(method, fitting, x, held, horizon, stride, levels, scale, work)
						: RollingBacktest.run(method, entry.getValue(), x, held, horizon, stride, levels, scale,
								this.properties.residualWindow(), work));
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
	 * The estimated work of one method's backtest: its forecasts (at most
	 * {@code max-refits} refits for a classical method) times the cost of one, which
	 * counts the model (a network's weights, a fit's passes over its history).
	 */
	private long work(ForecastModel model, int holdout, int horizon) {
		long origins = model instanceof FittingModel ? Math.min(holdout, this.properties.maxRefits()) : holdout;
		long cost = model.cost(horizon);
		return (cost > 0 && origins > Long.MAX_VALUE / cost) ? Long.MAX_VALUE : origins * cost;
	}

	private String tooMuch(String what, long estimate) {
		return String.format(Locale.ROOT,
				"%s is estimated at %.3g units of work, over the limit of %.3g (forecast.forecast.max-work); "
						+ "use a smaller holdout or horizon, or fewer methods",
				what, (double) estimate, (double) this.properties.maxWork());
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
