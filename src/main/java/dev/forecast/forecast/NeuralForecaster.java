package dev.forecast.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.ConflictException;
import dev.forecast.error.ServiceUnavailableException;
import dev.forecast.model.Seasonality;
import dev.forecast.model.serving.ModelServer;
import dev.forecast.model.serving.ServedModel;
import dev.forecast.model.serving.TrainedModel;
import dev.forecast.series.SeriesView;
import dev.forecast.training.RunRef;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code neural}: a trained model, the request's {@code run} or else the series'
 * succeeded run with the lowest validation MAE, or for a member of a collection without
 * one its collection's (a global model) ({@code 409} when there is none, {@code 404} for
 * an unknown run, {@code 400} for a run of another series or of a collection the series
 * is not a member of). A run trained with {@code horizon} h emits h steps in one pass;
 * longer forecasts feed the model's own forecasts back in, h steps per pass, in series
 * units. Intervals are split-conformal from the run's validation errors per step ahead
 * ({@link ScaledIntervals}). Backtests send every origin through the network in one
 * batch.
 */
@Component
class NeuralForecaster implements Forecaster {

	private final TrainedModels models;

	private final NeuralPasses passes;

	NeuralForecaster(TrainedModels models, MeterRegistry registry) {
		this.models = models;
		this.passes = new NeuralPasses(registry);
	}

	@Override
	public Method method() {
		return Method.NEURAL;
	}

	@Override
	public ForecastModel bind(SeriesView series, ForecastParams params) {
		long seriesId = series.id();
		RunRef run;
		if (params.run() == null) {
			run = this.models.bestRun(seriesId)
				.flatMap(this.models::run)
				.orElseThrow(() -> new ConflictException("No trained model", "Series " + seriesId
						+ " has no succeeded training run to forecast with; train one with POST /train {\"series\": "
						+ seriesId + "} and forecast once GET /runs?series=" + seriesId
						+ " shows it SUCCEEDED, or use naive, seasonal_naive, moving_average or diff_moving_average."));
		}
		else {
			run = this.models.runFor(params.run(), seriesId);
		}
		ServedModel server = this.models.serve(run);
		int minimum = server.model().minimumInput();
		if (series.length() < minimum) {
			throw BadRequestException.invalid("run", "run " + run.id() + "'s model needs at least " + minimum
					+ " points to forecast from, but series " + seriesId + " has " + series.length());
		}
		return new Model(run.id(), server, this.passes);
	}

	static final class Model implements ForecastModel {

		private final long run;

		private final ServedModel server;

		/**
		 * Values one forecast reads: the widest window, or what a seasonal adjustment
		 * reads.
		 */
		private final int window;

		private final int networkWindow;

		private final int minimumInput;

		private final long weights;

		private final Map<String, Object> params;

		private final ScaledIntervals intervals;

		private final NeuralPasses passes;

		Model(long run, ServedModel server, NeuralPasses passes) {
			this.run = run;
			this.server = server;
			this.passes = passes;
			TrainedModel model = server.model();
			this.networkWindow = model.window();
			this.window = model.seasonalPeriod() > 1
					? Math.max(model.window(), Seasonality.HISTORY_CYCLES * model.seasonalPeriod()) : model.window();
			this.minimumInput = model.minimumInput();
			// every network of an ensemble runs for each forecast
			this.weights = Math.max(1, model.network().numParams() * (1 + model.members().size()));
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("run", run);
			params.put("model", model.model());
			params.put("window", model.window());
			params.put("modelHorizon", model.horizon());
			this.params = params;
			this.intervals = new ScaledIntervals(model);
		}

		@Override
		public Map<String, Object> params() {
			return this.params;
		}

		@Override
		public Long run() {
			return this.run;
		}

		@Override
		public int lookback() {
			return this.window;
		}

		/** A global model pads a history down to its minimum input. */
		@Override
		public int minimumHistory() {
			return this.minimumInput;
		}

		/**
		 * Every step ahead is a pass of the window through the network: its weights times
		 * the window (a recurrent layer applies them at every time step), in units of the
		 * 16 multiply-adds the JVM forward pass does in about a nanosecond.
		 */
		@Override
		public long cost(int horizon) {
			return Math.max(1, (long) horizon * this.weights * this.networkWindow / 16);
		}

		@Override
		public double next(double[] x, int end) {
			return forecast(x, end, 1)[0];
		}

		@Override
		public double[] forecast(double[] x, int end, int horizon) {
			double[] history = Arrays.copyOfRange(x, Math.max(0, end - this.window), end);
			this.intervals.forecastFrom(history);
			return this.passes.forecast.record(() -> onServer(() -> this.server.forecast(history, horizon)));
		}

		@Override
		public double[] backtest(double[] x, int first, int horizon) {
			double[][] histories = new double[x.length - first][];
			for (int t = first; t < x.length; t++) {
				int origin = t - horizon + 1;
				histories[t - first] = Arrays.copyOfRange(x, Math.max(0, origin - this.window), origin);
			}
			// a global model's intervals: at the scale of the last origin
			if (histories.length > 0) {
				this.intervals.forecastFrom(histories[histories.length - 1]);
			}
			double[][] forecasts = this.passes.backtest
				.record(() -> onServer(() -> this.server.forecast(histories, horizon)));
			double[] out = new double[forecasts.length];
			for (int i = 0; i < out.length; i++) {
				out[i] = forecasts[i][horizon - 1];
			}
			return out;
		}

		@Override
		public double[] residuals(double[] x, int from) {
			// the intervals come from the run's validation errors: no in-sample residuals
			// needed
			double[] none = new double[x.length];
			Arrays.fill(none, Double.NaN);
			return none;
		}

		@Override
		public SymmetricIntervals ownIntervals() {
			return this.intervals;
		}

		@Override
		public String evaluationNote(long length, int holdout) {
			TrainedModel model = this.server.model();
			int trained = model.trainedPoints();
			if (trained < 0) {
				return null;
			}
			long holdoutStart = length - holdout;
			StringBuilder note = new StringBuilder();
			if (trained > holdoutStart) {
				note.append("neural: run ")
					.append(this.run)
					.append(" was fitted on the first ")
					.append(trained)
					.append(" points, so ")
					.append(trained - holdoutStart)
					.append(" of the ")
					.append(holdout)
					.append(" holdout points were in its training data and its errors there are optimistic; a holdout of at most ")
					.append(length - trained)
					.append(" points scores it on points it was not fitted on.");
			}
			int calibration = model.residuals().length == 0 ? 0 : model.residuals()[0].length;
			if (calibration > 0 && trained + calibration > holdoutStart) {
				note.append(note.isEmpty() ? "neural: " : " ")
					.append("Its intervals are calibrated on its validation points ")
					.append(trained + 1)
					.append("-")
					.append(trained + calibration)
					.append(", which overlap the holdout, so their coverage there is in-sample.");
			}
			return note.isEmpty() ? null : note.toString();
		}

		/**
		 * Runs a forecast on the inference threads: 503 with {@code Retry-After} when
		 * their queue is full.
		 */
		private static <T> T onServer(Supplier<T> forecast) {
			try {
				return forecast.get();
			}
			catch (ModelServer.Busy ex) {
				throw new ServiceUnavailableException(
						"Neural forecasts are busy: " + ex.getMessage() + "; retry shortly.", 1);
			}
		}

	}

}
