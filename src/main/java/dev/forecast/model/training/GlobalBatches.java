package dev.forecast.model.training;

import org.nd4j.linalg.dataset.DataSet;

/**
 * The training batches of {@link GlobalWindows}: every epoch ({@link #reset()}) draws
 * {@code perMember} origins of every member that has training windows, uniformly with
 * replacement, and shuffles them all, with a generator seeded once.
 */
final class GlobalBatches extends ShuffledBatches {

	private static final long serialVersionUID = 1L;

	private final transient GlobalWindows data;

	private final int[] members;

	private final int[] origins;

	GlobalBatches(GlobalWindows data, int batchSize, long seed) {
		super(data.trainCount(), batchSize, data.inputs(), data.horizon(), seed);
		this.data = data;
		this.members = new int[data.trainCount()];
		this.origins = new int[this.members.length];
		reset();
	}

	@Override
	protected void draw() {
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
			swap(this.members, j, k);
			swap(this.origins, j, k);
		}
	}

	@Override
	protected DataSet batch(int from, int to) {
		return this.data.batch(this.members, this.origins, from, to);
	}

}
