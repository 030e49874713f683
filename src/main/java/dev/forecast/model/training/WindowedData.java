package dev.forecast.model.training;

import dev.forecast.model.Scaler;
import dev.forecast.model.WindowTransform;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The course's windowed dataset over one series: every window of {@code window}
 * consecutive points (shift 1) is an input and the next {@code horizon} points its
 * target. The last {@code validation} points are held out: training windows have their
 * targets in the training part, validation windows their targets in the held-out part,
 * with inputs that reach back into the training part. Each window and its targets are
 * differenced and normalized by the {@link WindowTransform} fitted on the training part
 * (per window for {@code window} normalization). Recurrent networks get inputs as
 * {@code [batch, 1, inputs]} (NCW), feed-forward ones as {@code [batch, inputs]},
 * {@code inputs} being the window less the differencing lag.
 */
public final class WindowedData implements TrainingWindows {

	private final double[] series;

	private final int window;

	private final int horizon;

	private final int trainEnd;

	private final boolean sequenceInput;

	private final WindowTransform transform;

	private WindowedData(double[] series, int window, int horizon, int trainEnd, boolean sequenceInput,
			WindowTransform transform) {
		this.series = series;
		this.window = window;
		this.horizon = horizon;
		this.trainEnd = trainEnd;
		this.sequenceInput = sequenceInput;
		this.transform = transform;
	}

	/**
	 * Windows over {@code series}, normalized by a {@code normalization} scaler fitted on
	 * all but the last {@code validation} points.
	 */
	public static WindowedData of(double[] series, int window, int horizon, int validation, String normalization,
			boolean sequenceInput) {
		return of(series, window, horizon, validation, normalization, 0, sequenceInput);
	}

	/**
	 * Windows over {@code series}, differenced by {@code lag} (0: not) and normalized as
	 * {@code normalization} says ({@link WindowTransform}), fitted on all but the last
	 * {@code validation} points.
	 */
	public static WindowedData of(double[] series, int window, int horizon, int validation, String normalization,
			int lag, boolean sequenceInput) {
		int trainEnd = series.length - validation;
		if (window < 1 || horizon < 1 || validation < horizon || trainEnd < window + horizon || lag < 0
				|| window <= lag) {
			throw new IllegalArgumentException(
					"series of " + series.length + " points cannot hold window " + window + ", horizon " + horizon
							+ " and validation " + validation + (lag > 0 ? " with differencing lag " + lag : ""));
		}
		WindowTransform transform = WindowTransform.fit(normalization, lag, series, trainEnd);
		return new WindowedData(series, window, horizon, trainEnd, sequenceInput, transform);
	}

	public Scaler scaler() {
		return this.transform.scaler();
	}

	public WindowTransform transform() {
		return this.transform;
	}

	/** Number of training windows: targets entirely in the training part. */
	@Override
	public int trainCount() {
		return this.trainEnd - this.window - this.horizon + 1;
	}

	/**
	 * Number of validation windows: first target in the held-out part, all targets inside
	 * the series.
	 */
	public int validationCount() {
		return this.series.length - this.horizon - this.trainEnd + 1;
	}

	/** Values per window the network reads: the window less the differencing lag. */
	int inputs() {
		return this.transform.inputs(this.window);
	}

	int horizon() {
		return this.horizon;
	}

	/** The raw start of validation window {@code i}. */
	private int validationStart(int i) {
		return this.trainEnd + i - this.window;
	}

	/** All validation windows in time order as one batch. */
	@Override
	public DataSet validation() {
		int[] starts = new int[validationCount()];
		for (int i = 0; i < starts.length; i++) {
			starts[i] = validationStart(i);
		}
		return batch(starts, 0, starts.length);
	}

	/**
	 * The forecasts in series units of every validation window from the network's outputs
	 * for {@link #validation()} ({@code horizon} values per window, row after row).
	 */
	@Override
	public double[][] validationForecasts(float[] output) {
		int n = validationCount();
		int inputs = this.transform.inputs(this.window);
		float[] scratch = new float[inputs];
		double[][] forecasts = new double[n][];
		for (int i = 0; i < n; i++) {
			int start = validationStart(i);
			WindowTransform.Stats stats = this.transform.input(this.series, start, this.window, scratch, 0);
			forecasts[i] = this.transform.restore(this.series, start, this.window, output, i * this.horizon,
					this.horizon, stats);
		}
		return forecasts;
	}

	/** The series values each validation window predicts. */
	@Override
	public double[][] validationTargets() {
		int n = validationCount();
		double[][] targets = new double[n][];
		for (int i = 0; i < n; i++) {
			int first = this.trainEnd + i;
			targets[i] = java.util.Arrays.copyOfRange(this.series, first, first + this.horizon);
		}
		return targets;
	}

	/**
	 * Training batches, reshuffled on every {@code reset()} with a generator seeded once.
	 */
	@Override
	public DataSetIterator trainIterator(int batchSize, boolean shuffle, long seed) {
		return new TrainingBatches(this, batchSize, shuffle, seed);
	}

	/** The input of one window ending at the last given value, for inference. */
	public static INDArray input(float[] window, boolean sequenceInput) {
		return sequenceInput ? Nd4j.create(window, new long[] { 1, 1, window.length }, 'c')
				: Nd4j.create(window, new long[] { 1, window.length }, 'c');
	}

	DataSet batch(int[] starts, int from, int to) {
		int n = to - from;
		int inputs = this.transform.inputs(this.window);
		float[] features = new float[n * inputs];
		float[] labels = new float[n * this.horizon];
		for (int i = 0; i < n; i++) {
			int start = starts[from + i];
			WindowTransform.Stats stats = this.transform.input(this.series, start, this.window, features, i * inputs);
			this.transform.target(this.series, start, this.window, this.horizon, stats, labels, i * this.horizon);
		}
		INDArray x = this.sequenceInput ? Nd4j.create(features, new long[] { n, 1, inputs }, 'c')
				: Nd4j.create(features, new long[] { n, inputs }, 'c');
		INDArray y = Nd4j.create(labels, new long[] { n, this.horizon }, 'c');
		return new DataSet(x, y);
	}

}
