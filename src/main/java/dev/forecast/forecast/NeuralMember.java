package dev.forecast.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.forecast.error.ApiException;
import dev.forecast.forecast.stats.FittedModel;
import dev.forecast.model.serving.ServedModel;
import dev.forecast.series.SeriesView;
import dev.forecast.training.Run;
import dev.forecast.training.RunRef;

/**
 * The neural member of {@code auto}: the series' succeeded run with the lowest validation
 * MAE (never a collection's global model, whose validation is pooled over its members),
 * used as trained, and only when it beats naive on its own validation points
 * ({@link Run.Metrics#beatsNaive()}, {@code metrics.vsNaive}); otherwise it is dropped
 * with the reason. It joins forecasts from the end of the series only, never a backtest
 * origin: the run was trained and selected on points a holdout may contain.
 *
 * @param model the run's model, {@code null} when dropped
 * @param shown what responses show: the run and its ratio to naive, or why it was dropped
 * @param dropped why the run is not a member, or {@code null}
 */
record NeuralMember(NeuralForecaster.Model model, Map<String, Object> shown, String dropped) {

	static final String CODE = "neural";

	static final String NOT_IN_BACKTESTS = "backtests leave the neural member out: its run was trained and "
			+ "selected on points a holdout may contain";

	static NeuralMember of(TrainedModels models, SeriesView series, NeuralPasses passes) {
		Optional<Long> best = models.bestRun(series.id());
		if (best.isEmpty()) {
			return dropped("no succeeded run");
		}
		long run = best.get();
		Long collection = models.run(run).map(RunRef::collectionId).orElse(null);
		if (collection != null) {
			return dropped("run " + run + " is collection " + collection
					+ "'s global model: its validation is pooled over the members, not this series' own");
		}
		Run.Metrics metrics = models.metrics(run).orElse(null);
		if (metrics == null) {
			return dropped("run " + run + " has no validation metrics");
		}
		Double ratio = metrics.naiveRatio();
		if (!metrics.beatsNaive()) {
			return dropped("run " + run + " loses to naive on its validation"
					+ (ratio == null ? "" : String.format(Locale.ROOT, " (%.2f×)", ratio)));
		}
		if (ratio == null) {
			return dropped("run " + run + " has no comparison with naive on its validation");
		}
		try {
			ServedModel server = models.serve(models.run(run).orElseThrow());
			int window = server.model().window();
			if (series.length() < window) {
				return dropped("run " + run + "'s model reads the last " + window + " points, but the series has "
						+ series.length());
			}
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("run", run);
			shown.put("vsNaive", ratio);
			shown.put("baseline", metrics.naiveBaseline());
			shown.put("window", window);
			shown.put("use", "forecasts from the end of the series; " + NOT_IN_BACKTESTS);
			return new NeuralMember(new NeuralForecaster.Model(run, server, passes), shown, null);
		}
		catch (ApiException | NoSuchElementException ex) {
			return dropped("run " + run + " cannot be served: " + ex.getMessage());
		}
	}

	private static NeuralMember dropped(String why) {
		return new NeuralMember(null, Map.of("dropped", why), why);
	}

	/** How many trailing points the member reads (0 when dropped). */
	int window() {
		return this.model == null ? 0 : this.model.lookback();
	}

	/**
	 * The member's forecast from {@code x[end - window, end)}: the network's, with the
	 * standard deviation of its split-conformal 80% interval ({@code half-width / z}).
	 */
	FittedModel fit(double[] x, int end) {
		NeuralForecaster.Model model = this.model;
		Map<String, Object> parameters = new LinkedHashMap<>(this.shown);
		parameters.remove("use");
		return new FittedModel() {

			@Override
			public String name() {
				return "neural run " + parameters.get("run");
			}

			@Override
			public double[] forecast(int horizon) {
				return model.forecast(x, end, horizon);
			}

			@Override
			public double[] forecastVariance(int horizon) {
				SymmetricIntervals intervals = model.ownIntervals();
				double[] variance = new double[horizon];
				if (intervals.isEmpty()) {
					Arrays.fill(variance, Double.NaN);
					return variance;
				}
				double[] half = intervals.halfWidths(0.8, horizon);
				double z = Levels.z(0.8);
				for (int k = 0; k < horizon; k++) {
					variance[k] = (half[k] / z) * (half[k] / z);
				}
				return variance;
			}

			@Override
			public double[] fitted() {
				double[] none = new double[end];
				Arrays.fill(none, Double.NaN);
				return none;
			}

			@Override
			public double aicc() {
				return Double.NaN;
			}

			@Override
			public Map<String, Object> parameters() {
				return parameters;
			}

		};
	}

}
