package dev.forecast.model.training;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The training batches of {@link GlobalWindows}: every epoch ({@link #reset()}) draws
 * {@code perMember} origins of every member that has training windows, uniformly with
 * replacement, and shuffles them all, with a generator seeded once.
 */
final class GlobalBatches implements DataSetIterator {

	private static final long serialVersionUID = 1L;

	private final transient GlobalWindows data;

	private final int batchSize;

	private final Random random;

	private final int[] members;

	private final int[] origins;

	private int cursor;

	private transient DataSetPreProcessor preProcessor;

	GlobalBatches(GlobalWindows data, int batchSize, long seed) {
		this.data = data;
		this.batchSize = batchSize;
		this.random = new Random(seed);
		this.members = new int[data.trainCount()];
		this.origins = new int[this.members.length];
		reset();
	}

	@Override
	public boolean hasNext() {
		return this.cursor < this.members.length;
	}

	@Override
	public DataSet next() {
		return next(this.batchSize);
	}

	@Override
	public DataSet next(int num) {
		int to = Math.min(this.members.length, this.cursor + num);
		DataSet batch = this.data.batch(this.members, this.origins, this.cursor, to);
		this.cursor = to;
		if (this.preProcessor != null) {
			this.preProcessor.preProcess(batch);
		}
		return batch;
	}

	@Override
	public void reset() {
		this.cursor = 0;
		int i = 0;
		for (int m = 0; m < this.data.members(); m++) {
			int count = this.data.trainOrigins(m);
			for (int s = 0; count > 0 && s < this.data.perMember(); s++) {
				this.members[i] = m;
				this.origins[i] = this.data.firstOrigin() + this.random.nextInt(count);
				i++;
			}
		}
		for (int j = this.members.length - 1; j > 0; j--) {
			int k = this.random.nextInt(j + 1);
			int m = this.members[j];
			this.members[j] = this.members[k];
			this.members[k] = m;
			int t = this.origins[j];
			this.origins[j] = this.origins[k];
			this.origins[k] = t;
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
