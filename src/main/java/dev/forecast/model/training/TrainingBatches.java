package dev.forecast.model.training;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The training windows of a {@link WindowedData} in batches, reshuffled on every
 * {@link #reset()} with a generator seeded once.
 */
final class TrainingBatches implements DataSetIterator {

	private static final long serialVersionUID = 1L;

	private final transient WindowedData data;

	private final int batchSize;

	private final boolean shuffle;

	private final Random random;

	private final int[] order;

	private int cursor;

	private transient DataSetPreProcessor preProcessor;

	TrainingBatches(WindowedData data, int batchSize, boolean shuffle, long seed) {
		this.data = data;
		this.batchSize = batchSize;
		this.shuffle = shuffle;
		this.random = new Random(seed);
		this.order = new int[data.trainCount()];
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
		DataSet batch = this.data.batch(this.order, this.cursor, to);
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
		return this.data.inputs();
	}

	@Override
	public int totalOutcomes() {
		return this.data.horizon();
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
