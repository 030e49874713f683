package dev.forecast.model.training;

import org.nd4j.linalg.dataset.DataSet;

/**
 * The training windows of a {@link WindowedData} in batches, reshuffled on every
 * {@link #reset()} with a generator seeded once.
 */
final class TrainingBatches extends ShuffledBatches {

	private static final long serialVersionUID = 1L;

	private final transient WindowedData data;

	private final boolean shuffle;

	private final int[] order;

	TrainingBatches(WindowedData data, int batchSize, boolean shuffle, long seed) {
		super(data.trainCount(), batchSize, data.inputs(), data.horizon(), seed);
		this.data = data;
		this.shuffle = shuffle;
		this.order = new int[data.trainCount()];
		for (int i = 0; i < this.order.length; i++) {
			this.order[i] = i;
		}
		reset();
	}

	@Override
	protected void draw() {
		if (this.shuffle) {
			for (int i = this.order.length - 1; i > 0; i--) {
				swap(this.order, i, this.random.nextInt(i + 1));
			}
		}
	}

	@Override
	protected DataSet batch(int from, int to) {
		return this.data.batch(this.order, from, to);
	}

}
