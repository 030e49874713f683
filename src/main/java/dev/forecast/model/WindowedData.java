package dev.forecast.model;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The course's windowed dataset over one normalized series: every window of {@code window}
 * consecutive points (shift 1) is an input and the next {@code horizon} points its target. The
 * last {@code validation} points are held out: training windows have their targets in the
 * training part, validation windows their targets in the held-out part, with inputs that reach
 * back into the training part. Recurrent networks get inputs as {@code [batch, 1, window]} (NCW),
 * feed-forward ones as {@code [batch, window]}.
 */
public final class WindowedData {

	private final float[] values;

	private final int window;

	private final int horizon;

	private final int trainEnd;

	private final boolean sequenceInput;

	private final Scaler scaler;

	private WindowedData(float[] values, int window, int horizon, int trainEnd, boolean sequenceInput, Scaler scaler) {
		this.values = values;
		this.window = window;
		this.horizon = horizon;
		this.trainEnd = trainEnd;
		this.sequenceInput = sequenceInput;
		this.scaler = scaler;
	}

	/**
	 * Windows over {@code series}, normalized by a {@code normalization} scaler fitted on all but the
	 * last {@code validation} points.
	 */
	public static WindowedData of(double[] series, int window, int horizon, int validation, String normalization,
			boolean sequenceInput) {
		int trainEnd = series.length - validation;
		if (window < 1 || horizon < 1 || validation < horizon || trainEnd < window + horizon) {
			throw new IllegalArgumentException("series of " + series.length + " points cannot hold window " + window
					+ ", horizon " + horizon + " and validation " + validation);
		}
		Scaler scaler = Scaler.fit(normalization, series, trainEnd);
		float[] values = new float[series.length];
		for (int i = 0; i < series.length; i++) {
			values[i] = (float) scaler.normalize(series[i]);
		}
		return new WindowedData(values, window, horizon, trainEnd, sequenceInput, scaler);
	}

	public Scaler scaler() {
		return this.scaler;
	}

	/** Number of training windows: targets entirely in the training part. */
	public int trainCount() {
		return this.trainEnd - this.window - this.horizon + 1;
	}

	/** Number of validation windows: first target in the held-out part, all targets inside the series. */
	public int validationCount() {
		return this.values.length - this.horizon - this.trainEnd + 1;
	}

	/** All validation windows in time order as one batch. */
	public DataSet validation() {
		int[] starts = new int[validationCount()];
		for (int i = 0; i < starts.length; i++) {
			starts[i] = this.trainEnd + i - this.window;
		}
		return batch(starts, 0, starts.length);
	}

	/** Training batches, reshuffled on every {@code reset()} with a generator seeded once. */
	public DataSetIterator trainIterator(int batchSize, boolean shuffle, long seed) {
		return new Batches(batchSize, shuffle, seed);
	}

	/** The input of one window ending at the last given value, for inference. */
	public static INDArray input(float[] window, boolean sequenceInput) {
		return sequenceInput ? Nd4j.create(window, new long[] { 1, 1, window.length }, 'c')
				: Nd4j.create(window, new long[] { 1, window.length }, 'c');
	}

	DataSet batch(int[] starts, int from, int to) {
		int n = to - from;
		float[] features = new float[n * this.window];
		float[] labels = new float[n * this.horizon];
		for (int i = 0; i < n; i++) {
			int start = starts[from + i];
			System.arraycopy(this.values, start, features, i * this.window, this.window);
			System.arraycopy(this.values, start + this.window, labels, i * this.horizon, this.horizon);
		}
		INDArray x = this.sequenceInput ? Nd4j.create(features, new long[] { n, 1, this.window }, 'c')
				: Nd4j.create(features, new long[] { n, this.window }, 'c');
		INDArray y = Nd4j.create(labels, new long[] { n, this.horizon }, 'c');
		return new DataSet(x, y);
	}

	private final class Batches implements DataSetIterator {

		private static final long serialVersionUID = 1L;

		private final int batchSize;

		private final boolean shuffle;

		private final Random random;

		private final int[] order;

		private int cursor;

		private transient DataSetPreProcessor preProcessor;

		Batches(int batchSize, boolean shuffle, long seed) {
			this.batchSize = batchSize;
			this.shuffle = shuffle;
			this.random = new Random(seed);
			this.order = new int[trainCount()];
			for (int i = 0; i < this.order.length; i++) {
				this.order[i] = i;
			}
			reset();
		}

		@Override
		public boolean hasNext() {
			return this.cursor < this.order.length;
		}

		@Override
		public DataSet next() {
			return next(this.batchSize);
		}

		@Override
		public DataSet next(int num) {
			int to = Math.min(this.order.length, this.cursor + num);
			DataSet batch = WindowedData.this.batch(this.order, this.cursor, to);
			this.cursor = to;
			if (this.preProcessor != null) {
				this.preProcessor.preProcess(batch);
			}
			return batch;
		}

		@Override
		public void reset() {
			this.cursor = 0;
			if (this.shuffle) {
				for (int i = this.order.length - 1; i > 0; i--) {
					int j = this.random.nextInt(i + 1);
					int t = this.order[i];
					this.order[i] = this.order[j];
					this.order[j] = t;
				}
			}
		}

		@Override
		public int inputColumns() {
			return WindowedData.this.window;
		}

		@Override
		public int totalOutcomes() {
			return WindowedData.this.horizon;
		}

		@Override
		public boolean resetSupported() {
			return true;
		}

		@Override
		public boolean asyncSupported() {
			return true;
		}

		@Override
		public int batch() {
			return this.batchSize;
		}

		@Override
		public void setPreProcessor(DataSetPreProcessor preProcessor) {
			this.preProcessor = preProcessor;
		}

		@Override
		public DataSetPreProcessor getPreProcessor() {
			return this.preProcessor;
		}

		@Override
		public List<String> getLabels() {
			return null;
		}

	}

}
