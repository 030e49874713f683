package dev.forecast.model.training;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Training windows in batches of {@code batchSize}, in an order a subclass draws anew on
 * every {@link #reset()} (every epoch) with a generator seeded once: the iterator half of
 * {@link TrainingBatches} (one series) and {@link GlobalBatches} (many).
 */
abstract class ShuffledBatches implements DataSetIterator {

	private static final long serialVersionUID = 1L;

	private final int batchSize;

	private final int count;

	private final int inputs;

	private final int horizon;

	/** The generator of every epoch's order. */
	protected final Random random;

	private int cursor;

	private transient DataSetPreProcessor preProcessor;

	ShuffledBatches(int count, int batchSize, int inputs, int horizon, long seed) {
		this.count = count;
		this.batchSize = batchSize;
		this.inputs = inputs;
		this.horizon = horizon;
		this.random = new Random(seed);
	}

	/** Draws the order of the next epoch's windows. */
	protected abstract void draw();

	/** The windows at positions {@code [from, to)} of the current order. */
	protected abstract DataSet batch(int from, int to);

	/** Swaps positions {@code i} and {@code j} of {@code order}. */
	static void swap(int[] order, int i, int j) {
		int t = order[i];
		order[i] = order[j];
		order[j] = t;
	}

	@Override
	public boolean hasNext() {
		return this.cursor < this.count;
	}

	@Override
	public DataSet next() {
		return next(this.batchSize);
	}

	@Override
	public DataSet next(int num) {
		int to = Math.min(this.count, this.cursor + num);
		DataSet batch = batch(this.cursor, to);
		this.cursor = to;
		if (this.preProcessor != null) {
			this.preProcessor.preProcess(batch);
		}
		return batch;
	}

	@Override
	public void reset() {
		this.cursor = 0;
		draw();
	}

	@Override
	public int inputColumns() {
		return this.inputs;
	}

	@Override
	public int totalOutcomes() {
		return this.horizon;
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
