package dev.forecast.training;

/**
 * Defaults of a training spec for a collection (one network trained on the windows of
 * every member).
 * <p>
 * PLACEHOLDER until branch {@code global-model} provides the real one (same signature):
 * {@code nbeats}, a window of twice the horizon between 8 and 120 points, the horizon
 * held out at the end of each member, 64 units, batches of 256 windows, 30 epochs.
 *
 * @param validation points held out at the end of each member
 */
public record CollectionDefaults(String model, int window, int validation, int units, int batchSize, int epochs) {

	public static CollectionDefaults of(int[] memberLengths, int horizon, Integer season) {
		int window = Math.max(8, Math.min(120, 2 * horizon));
		return new CollectionDefaults("nbeats", window, horizon, 64, 256, 30);
	}

}
