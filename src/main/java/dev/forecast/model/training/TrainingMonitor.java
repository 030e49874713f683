package dev.forecast.model.training;

/**
 * Hooks of a training loop: asked before every batch whether to stop, told after every
 * epoch.
 */
public interface TrainingMonitor {

	/**
	 * {@code true} stops training before the next batch (cancel, shutdown, lost claim).
	 */
	boolean shouldStop();

	void onEpoch(EpochStats stats, int epochs);

	/**
	 * Told by a trainer of several networks (an ensemble, a collection's global model):
	 * once with {@code done} 0 before the first network, then after each network's
	 * training (a validation pass or a refit) ends, {@code done} of {@code total}. A run
	 * that trains a single network is never told.
	 */
	default void onNetwork(int done, int total) {
	}

	/**
	 * What a trainer calls after each of its {@code total} networks: tells
	 * {@link #onNetwork} when there are several, nothing for a single network.
	 */
	default void networksDone(int done, int total) {
		if (total > 1) {
			onNetwork(done, total);
		}
	}

	/**
	 * A monitor that stops when this one says so and tells it nothing (the further
	 * networks of an ensemble, whose epochs are not the run's curve).
	 */
	default TrainingMonitor stopOnly() {
		TrainingMonitor outer = this;
		return new TrainingMonitor() {

			@Override
			public boolean shouldStop() {
				return outer.shouldStop();
			}

			@Override
			public void onEpoch(EpochStats stats, int epochs) {
			}

		};
	}

	TrainingMonitor NONE = new TrainingMonitor() {

		@Override
		public boolean shouldStop() {
			return false;
		}

		@Override
		public void onEpoch(EpochStats stats, int epochs) {
		}

	};

}
