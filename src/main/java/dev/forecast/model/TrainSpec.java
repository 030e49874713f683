package dev.forecast.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything that decides how a forecaster is trained, fully resolved (no missing
 * values). Code builds one by name: {@code TrainSpec.builder().model("dense").window(24)
 * .build()} starts from {@link #DEFAULTS}, {@code spec.toBuilder()} from a spec (see
 * {@link TrainSpecBuilder}). The nested records group the options of one concern so that
 * new ones (schedules, regularizers, explicit layer lists) slot in as fields and registry
 * entries without touching the rest.
 *
 * @param model network type, a key of {@link Networks}
 * @param units width of the network's hidden layers (filters and LSTM units of
 * {@code conv_lstm})
 * @param window input length: points the network sees
 * @param horizon points the network predicts at once (direct multi-step output)
 * @param validation final points held out; their windows reach back into the training
 * part
 * @param epochs upper bound on passes over the training windows
 * @param batchSize windows per gradient step
 * @param shuffle shuffle training windows every epoch
 * @param seed seed of weight initialization and shuffling
 * @param prefetch batches prepared ahead on a background thread (0: none)
 * @param normalization {@code window} (each input window by its own statistics, see
 * {@link WindowTransform}), {@code zscore}, {@code minmax} or {@code none} (fitted on the
 * training part)
 * @param loss a key of {@link Losses}
 * @param optimizer updater and learning rate
 * @param schedule learning-rate schedule
 * @param regularization weight penalties, dropout, gradient clipping
 * @param init weight initialization: {@code glorot}, {@code he} or {@code lecun}
 * @param earlyStopping when to stop and which epoch to keep
 * @param layers explicit hidden layers overriding {@code model}'s ({@code null}: the
 * model's)
 * @param differencing {@code none}, {@code first} or {@code seasonal} (by {@code season})
 * before normalizing; the network then sees {@code window - lag} differences of the last
 * {@code window} values
 * @param season the series' season length (by default from its frequency; {@code null}
 * when it has none): the lag of seasonal differencing and of the seasonal naive baseline
 */
public record TrainSpec(String model, int units, int window, int horizon, int validation, int epochs, int batchSize,
		boolean shuffle, long seed, int prefetch, String normalization, String loss, Optimizer optimizer,
		Schedule schedule, Regularization regularization, String init, EarlyStopping earlyStopping,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<Layer> layers, String differencing,
		@JsonInclude(JsonInclude.Include.NON_NULL) Integer season) {

	public static final List<String> DIFFERENCING = List.of("none", "first", "seasonal");

	/** Specs stored before differencing existed read as without. */
	public TrainSpec {
		differencing = (differencing != null) ? differencing : "none";
	}

	/** A spec without differencing. */
	public TrainSpec(String model, int units, int window, int horizon, int validation, int epochs, int batchSize,
			boolean shuffle, long seed, int prefetch, String normalization, String loss, Optimizer optimizer,
			Schedule schedule, Regularization regularization, String init, EarlyStopping earlyStopping,
			List<Layer> layers) {
		this(model, units, window, horizon, validation, epochs, batchSize, shuffle, seed, prefetch, normalization, loss,
				optimizer, schedule, regularization, init, earlyStopping, layers, "none", null);
	}

	/** A builder starting from {@link #DEFAULTS}. */
	public static TrainSpecBuilder builder() {
		return new TrainSpecBuilder(DEFAULTS);
	}

	/** A builder starting from this spec. */
	public TrainSpecBuilder toBuilder() {
		return new TrainSpecBuilder(this);
	}

	/** The differencing lag: 0 (none), 1 (first) or the season. */
	@JsonIgnore
	public int lag() {
		return switch (this.differencing) {
			case "first" -> 1;
			case "seasonal" -> this.season == null ? 0 : this.season;
			default -> 0;
		};
	}

	/** Values the network reads per window: {@code window} less the differencing lag. */
	@JsonIgnore
	public int inputLength() {
		return this.window - lag();
	}

	/**
	 * The default spec: the course's sunspot model with settings measured to reach its
	 * accuracy quickly.
	 */
	public static final TrainSpec DEFAULTS = TrainSpecBuilder.defaults();

	/** The model name of a spec whose {@code layers} were given explicitly. */
	public static final String CUSTOM = "custom";

	/** A spec with the model's own layers. */
	public TrainSpec(String model, int units, int window, int horizon, int validation, int epochs, int batchSize,
			boolean shuffle, long seed, int prefetch, String normalization, String loss, Optimizer optimizer,
			Schedule schedule, Regularization regularization, String init, EarlyStopping earlyStopping) {
		this(model, units, window, horizon, validation, epochs, batchSize, shuffle, seed, prefetch, normalization, loss,
				optimizer, schedule, regularization, init, earlyStopping, null);
	}

	/**
	 * @param type a key of {@link Optimizers}
	 * @param learningRate base learning rate (the starting rate of schedules; ignored by
	 * {@code range_test})
	 * @param momentum momentum of {@code momentum} and {@code nesterov}
	 * @param rho decay of the squared-gradient average of {@code rmsprop}
	 * @param beta1 first-moment decay of {@code adam}, {@code adamax}, {@code nadam}
	 * @param beta2 second-moment decay of {@code adam}, {@code adamax}, {@code nadam}
	 * @param epsilon the small constant of {@code adagrad}, {@code rmsprop} and the Adam
	 * family
	 */
	public record Optimizer(String type, double learningRate, double momentum, Double rho, Double beta1, Double beta2,
			Double epsilon) {

		/** Specs stored before these parameters existed read with their defaults. */
		public Optimizer {
			rho = (rho != null) ? rho : RHO;
			beta1 = (beta1 != null) ? beta1 : BETA1;
			beta2 = (beta2 != null) ? beta2 : BETA2;
			epsilon = (epsilon != null) ? epsilon : EPSILON;
		}

		public static final double MOMENTUM = 0.9;

		public static final double RHO = 0.9;

		public static final double BETA1 = 0.9;

		public static final double BETA2 = 0.999;

		public static final double EPSILON = 1e-7;

		/**
		 * {@code type} at {@code learningRate} with the other parameters at their
		 * defaults (those of Keras).
		 */
		public static Optimizer defaults(String type, double learningRate) {
			return new Optimizer(type, learningRate, MOMENTUM, RHO, BETA1, BETA2, EPSILON);
		}

		public Optimizer(String type, double learningRate, double momentum) {
			this(type, learningRate, momentum, RHO, BETA1, BETA2, EPSILON);
		}

	}

	/**
	 * A learning-rate schedule; only the parameters of its {@code type} are set, the
	 * others are {@code null}.
	 *
	 * @param type a key of {@link Schedules}
	 * @param steps {@code power}, {@code exponential}: epochs of one decay step
	 * @param power {@code power}: the exponent c of {@code rate / (1 + epoch/steps)^c}
	 * @param decay {@code exponential}: the factor of {@code rate · decay^(epoch/steps)}
	 * @param boundaries {@code piecewise}: the last epoch of each value but the last,
	 * increasing
	 * @param values {@code piecewise}: one rate more than boundaries
	 * @param factor {@code plateau}: multiplies the rate on a plateau (below 1);
	 * {@code range_test}: multiplies it every epoch (above 1)
	 * @param patience {@code plateau}: epochs without improvement of the validation loss
	 * before reducing
	 * @param minRate {@code plateau}: the rate never goes below this
	 * @param maxRate {@code one_cycle}: the peak rate, reached halfway
	 * @param start {@code range_test}: the rate of the first epoch
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Schedule(String type, Double steps, Double power, Double decay, List<Integer> boundaries,
			List<Double> values, Double factor, Integer patience, Double minRate, Double maxRate, Double start) {

		public Schedule(String type) {
			this(type, null, null, null, null, null, null, null, null, null, null);
		}

	}

	/**
	 * One hidden layer of an explicit stack.
	 *
	 * @param type {@code dense}, {@code rnn}, {@code lstm}, {@code gru} or {@code conv1d}
	 * @param units units, or filters of {@code conv1d}
	 * @param kernel {@code conv1d}: kernel size
	 * @param stride {@code conv1d}: stride
	 * @param dilation {@code conv1d}: dilation
	 * @param activation a DL4J activation name ({@code relu}, {@code tanh}, ...)
	 * @param returnSequences for sequence layers: {@code true} when the next layer is a
	 * sequence layer; {@code false} for the last one, whose last step feeds the dense
	 * layers or the output
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Layer(String type, int units, Integer kernel, Integer stride, Integer dilation, String activation,
			Boolean returnSequences) {

		public static Layer dense(int units, String activation) {
			return new Layer("dense", units, null, null, null, activation, null);
		}

		public static Layer recurrent(String type, int units, boolean returnSequences) {
			return new Layer(type, units, null, null, null, "tanh", returnSequences);
		}

		public static Layer conv1d(int filters, int kernel, int stride, int dilation, String activation,
				boolean returnSequences) {
			return new Layer("conv1d", filters, kernel, stride, dilation, activation, returnSequences);
		}

		public boolean sequence() {
			return !"dense".equals(this.type) && !"nbeats".equals(this.type);
		}

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
