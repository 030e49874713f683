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
