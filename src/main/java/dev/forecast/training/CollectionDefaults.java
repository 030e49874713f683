package dev.forecast.training;

/**
 * Defaults of a global model's spec (one network trained on the windows of a collection's
 * members, {@link dev.forecast.model.training.GlobalTrainer}): the {@code nbeats} model
 * over a window of two horizons (at least 8 points, at most 120), each member's last
 * {@code horizon} points held out for validation, and epochs that give about
 * {@link #TARGET_STEPS} gradient steps whatever the collection's size (each epoch draws
 * {@link #PER_MEMBER} windows of every member), between {@link #MIN_EPOCHS} and
 * {@link #MAX_EPOCHS}; the MAE loss, Adam at a learning rate of {@link #LEARNING_RATE}
 * and early stopping after {@link #PATIENCE} epochs without improvement (the settings
 * {@code bench/global-model.sh} was tuned with: a run with the defaults trains what it
 * measured).
 *
 * @param model the network family
 * @param window input points (shorter members are edge-padded)
 * @param validation final points of each member held out
 * @param units width of the hidden layers
 * @param batchSize windows per gradient step
 * @param epochs upper bound on epochs (early stopping ends most runs before)
 * @param loss the loss
 * @param learningRate Adam's learning rate
 * @param patience epochs without improvement before training stops
 */
public record CollectionDefaults(String model, int window, int validation, int units, int batchSize, int epochs,
		String loss, double learningRate, int patience) {

	static final String LOSS = "mae";

	static final double LEARNING_RATE = 1e-3;

	static final int PATIENCE = 6;

	/** Windows of each member per epoch (the global trainer's default). */
	static final int PER_MEMBER = 4;

	static final int TARGET_STEPS = 3000;

	static final int MIN_EPOCHS = 5;

	static final int MAX_EPOCHS = 200;

	static final int MIN_WINDOW = 8;

	static final int MAX_WINDOW = 120;

	/**
	 * The defaults for members of {@code memberLengths} points, forecast {@code horizon}
	 * ahead; {@code season} (or {@code null}) is the members' season.
	 */
	public static CollectionDefaults of(int[] memberLengths, int horizon, Integer season) {
		int window = Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, 2 * horizon));
		int batchSize = 256;
		long perEpoch = (long) Math.max(1, memberLengths.length) * PER_MEMBER;
		long stepsPerEpoch = Math.max(1, (perEpoch + batchSize - 1) / batchSize);
		int epochs = (int) Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, TARGET_STEPS / stepsPerEpoch));
		return new CollectionDefaults("nbeats", window, horizon, 256, batchSize, epochs, LOSS, LEARNING_RATE, PATIENCE);
	}

}
