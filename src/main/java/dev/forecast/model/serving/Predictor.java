package dev.forecast.model.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.forecast.model.WindowTransform;
import dev.forecast.model.serving.jvm.JvmForward;

/**
 * Forecasts of a {@link TrainedModel} on the JVM: its network's {@link JvmForward} pass
 * (parameters copied into float arrays once, no ND4J operation per forecast, so no native
 * memory per forecast and any number of threads at once) between the model's window
 * transform. Beyond the network's horizon its own forecasts are fed back as inputs
 * (recursive). A model with {@link TrainedModel#members()} forecasts with each of its
 * networks (each recursive on its own forecasts) and serves their
 * {@link Ensemble#median}; its {@link Shrinkage} is applied last. The networks may read
 * windows of different lengths (a global model's lookbacks): each reads the last values
 * of its own window, histories shorter than the widest being edge-padded. A model with a
 * {@link TrainedModel#seasonalPeriod()} forecasts each history seasonally adjusted (by
 * the indices of the history given, its last 20 cycles at most) and multiplies the
 * forecasts back ({@link SeasonalPasses}). Immutable and thread-safe.
 */
public final class Predictor {

	private final JvmForward forward;

	private final WindowTransform transform;

	private final int window;

	private final int horizon;

	private final Shrinkage shrinkage;

	private final List<Predictor> members;

	private final int minimumInput;

	/** The widest window of its networks: histories are padded to it. */
	private final int span;

	private final int seasonalPeriod;

	private Predictor(JvmForward forward, TrainedModel model, List<Predictor> members) {
		this.forward = forward;
		this.transform = model.transform();
		this.window = model.window();
		this.horizon = model.horizon();
		this.shrinkage = model.shrinkage();
		this.members = members;
		this.minimumInput = model.minimumInput();
		this.span = members.stream().mapToInt(Predictor::window).reduce(this.window, Math::max);
		this.seasonalPeriod = model.seasonalPeriod();
	}

	/**
	 * The last {@code window} values of {@code history}, edge-padded on the left with its
	 * first value when it is shorter (as a global model's training windows are).
	 */
	static double[] lastWindow(double[] history, int window) {
		if (history.length >= window) {
			return Arrays.copyOfRange(history, history.length - window, history.length);
		}
		double[] out = new double[window];
		int pad = window - history.length;
		Arrays.fill(out, 0, pad, history.length == 0 ? 0 : history[0]);
		System.arraycopy(history, 0, out, pad, history.length);
		return out;
	}

	/**
	 * {@code histories} with each one shorter than the widest window of the networks
	 * edge-padded to it (each network reads its own last window).
	 */
	private double[][] padded(double[][] histories) {
		double[][] out = histories;
		for (int i = 0; i < histories.length; i++) {
			requireWindow(histories[i]);
			if (histories[i].length < this.span) {
				if (out == histories) {
					out = histories.clone();
				}
				out[i] = lastWindow(histories[i], this.span);
			}
		}
		return out;
	}

	/**
	 * The predictor of {@code model}, reading its network's parameters now.
	 * @throws IllegalArgumentException naming the layer, preprocessor or activation the
	 * JVM pass does not cover (specs with one are refused when validated)
	 */
	public static Predictor of(TrainedModel model) {
		List<Predictor> members = new ArrayList<>();
		for (TrainedModel member : model.members()) {
			members.add(of(member.withMembers(List.of()).withShrinkage(Shrinkage.NONE)));
		}
		return new Predictor(JvmForward.of(model.network()), model, List.copyOf(members));
	}

	public int window() {
		return this.window;
	}

	public int horizon() {
		return this.horizon;
	}

	/**
	 * The next {@code steps} values after each history, in series units. The network
	 * emits {@link #horizon()} values per pass; beyond that its own forecasts are fed
	 * back as inputs (recursive), one batched pass over all histories per {@code horizon}
	 * steps.
	 */
	public double[][] forecast(double[][] given, int steps) {
		if (this.seasonalPeriod > 1) {
			return SeasonalPasses.forecast(given, this.seasonalPeriod, steps, h -> adjustedForecast(h, steps));
		}
		return adjustedForecast(given, steps);
	}

	private double[][] adjustedForecast(double[][] given, int steps) {
		double[][] histories = padded(given);
		double[][] out = networkForecast(histories, steps);
		if (!this.members.isEmpty()) {
			List<double[][]> all = new ArrayList<>();
			all.add(out);
			for (Predictor member : this.members) {
				all.add(member.networkForecast(histories, steps));
			}
			out = Ensemble.median(all);
		}
		return shrunk(histories, out);
	}

	/** {@link #forecast} of this predictor's own network, neither combined nor shrunk. */
	private double[][] networkForecast(double[][] histories, int steps) {
		int n = histories.length;
		double[][] buffers = new double[n][this.window + steps];
		for (int i = 0; i < n; i++) {
			double[] history = histories[i];
			requireWindow(history);
			System.arraycopy(history, history.length - this.window, buffers[i], 0, this.window);
		}
		for (int done = 0; done < steps; done += this.horizon) {
			double[][] next = pass(buffers, done);
			int take = Math.min(this.horizon, steps - done);
			for (int i = 0; i < n; i++) {
				System.arraycopy(next[i], 0, buffers[i], this.window + done, take);
			}
		}
		double[][] out = new double[n][];
		for (int i = 0; i < n; i++) {
			out[i] = Arrays.copyOfRange(buffers[i], this.window, this.window + steps);
		}
		return out;
	}

	/**
	 * The next {@code horizon} values after {@code history}, in series units, predicted
	 * from its last {@code window} values.
	 */
	public double[] predict(double[] history) {
		return predict(new double[][] { history })[0];
	}

	/** {@link #predict(double[])} for many histories in one batch. */
	public double[][] predict(double[][] given) {
		if (this.seasonalPeriod > 1) {
			return SeasonalPasses.forecast(given, this.seasonalPeriod, this.horizon, this::adjustedPredict);
		}
		return adjustedPredict(given);
	}

	private double[][] adjustedPredict(double[][] given) {
		double[][] histories = padded(given);
		double[][] out = pass(histories, -1);
		if (!this.members.isEmpty()) {
			List<double[][]> all = new ArrayList<>();
			all.add(out);
			for (Predictor member : this.members) {
				all.add(member.pass(histories, -1));
			}
			out = Ensemble.median(all);
		}
		return shrunk(histories, out);
	}

	/**
	 * {@code forecasts} (one row per history) shrunk in place by the model's shrinkage.
	 */
	private double[][] shrunk(double[][] histories, double[][] forecasts) {
		for (int i = 0; i < forecasts.length; i++) {
			this.shrinkage.apply(histories[i], histories[i].length, forecasts[i]);
		}
		return forecasts;
	}

	private void requireWindow(double[] history) {
		if (history.length < this.minimumInput) {
			throw new IllegalArgumentException("need the last " + this.minimumInput + " values, got " + history.length);
		}
	}

	/**
	 * One batched pass of the network over {@code rows[i][offset, offset + window)}, or
	 * over the last {@code window} values of each row when {@code offset < 0}.
	 */
	private double[][] pass(double[][] rows, int offset) {
		int n = rows.length;
		int inputs = this.transform.inputs(this.window);
		float[] features = new float[n * inputs];
		WindowTransform.Stats[] stats = new WindowTransform.Stats[n];
		for (int i = 0; i < n; i++) {
			double[] row = rows[i];
			int from = offset < 0 ? row.length - this.window : offset;
			stats[i] = this.transform.input(row, from, this.window, features, i * inputs);
		}
		float[] output = this.forward.output(features, n);
		double[][] result = new double[n][];
		for (int i = 0; i < n; i++) {
			double[] row = rows[i];
			int from = offset < 0 ? row.length - this.window : offset;
			result[i] = this.transform.restore(row, from, this.window, output, i * this.horizon, this.horizon,
					stats[i]);
		}
		return result;
	}

}
