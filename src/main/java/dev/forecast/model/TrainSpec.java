package dev.forecast.model;

/**
 * Everything that decides how a forecaster is trained, fully resolved (no missing values). The
 * nested records group the options of one concern so that new ones (schedules, regularizers,
 * explicit layer lists) slot in as fields and registry entries without touching the rest.
 *
 * @param model network type, a key of {@link Networks}
 * @param units width of the network's hidden layers (filters and LSTM units of {@code conv_lstm})
 * @param window input length: points the network sees
 * @param horizon points the network predicts at once (direct multi-step output)
 * @param validation final points held out; their windows reach back into the training part
 * @param epochs upper bound on passes over the training windows
 * @param batchSize windows per gradient step
 * @param shuffle shuffle training windows every epoch
 * @param seed seed of weight initialization and shuffling
 * @param prefetch batches prepared ahead on a background thread (0: none)
 * @param normalization {@code zscore}, {@code minmax} or {@code none}, fitted on the training part
 * @param loss a key of {@link Losses}
 * @param optimizer updater and learning rate
 * @param schedule learning-rate schedule
 * @param regularization weight penalties, dropout, gradient clipping
 * @param init weight initialization: {@code glorot}, {@code he} or {@code lecun}
 * @param earlyStopping when to stop and which epoch to keep
 */
public record TrainSpec(String model, int units, int window, int horizon, int validation, int epochs, int batchSize,
		boolean shuffle, long seed, int prefetch, String normalization, String loss, Optimizer optimizer,
		Schedule schedule, Regularization regularization, String init, EarlyStopping earlyStopping) {

	/** The default spec: the course's sunspot model with settings measured to reach its accuracy quickly. */
	public static final TrainSpec DEFAULTS = new TrainSpec("conv_lstm", 60, 60, 1, 235, 60, 128, true, 42, 2, "zscore",
			"huber", new Optimizer("adam", 2e-3, 0.9), new Schedule("constant"), Regularization.NONE, "glorot",
			new EarlyStopping(10, 0.0, "valMae"));

	/**
	 * @param type a key of {@link Optimizers}
	 * @param learningRate base learning rate
	 * @param momentum momentum of {@code momentum} and {@code nesterov}; first-moment decay is left at the
	 * updater's default for the Adam family
	 */
	public record Optimizer(String type, double learningRate, double momentum) {
	}

	/** @param type a key of {@link Schedules} */
	public record Schedule(String type) {
	}

	/**
	 * @param l1 L1 weight penalty
	 * @param l2 L2 weight penalty
	 * @param dropout probability of dropping a hidden activation (0: off)
	 * @param batchNorm batch normalization between dense layers
	 * @param maxNorm max-norm constraint on weights ({@code null}: off)
	 * @param clipValue clip gradients element-wise to ±value ({@code null}: off)
	 * @param clipNorm clip each layer's gradient to this L2 norm ({@code null}: off)
	 */
	public record Regularization(double l1, double l2, double dropout, boolean batchNorm, Double maxNorm,
			Double clipValue, Double clipNorm) {

		public static final Regularization NONE = new Regularization(0, 0, 0, false, null, null, null);

	}

	/**
	 * @param patience epochs without improvement before stopping (0: never stop early)
	 * @param minDelta smallest decrease of the monitored value that counts as improvement
	 * @param monitor {@code valMae} (series units) or {@code valLoss}
	 */
	public record EarlyStopping(int patience, double minDelta, String monitor) {
	}

}
