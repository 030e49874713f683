package dev.forecast.training;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /train}: exactly one of {@code series} and {@code collection} is required;
 * every missing field takes its default (see the run's {@code spec} for the values used).
 */
@Schema(name = "TrainRequest")
public record TrainRequest(
		@Schema(description = "The series to train on; give this or collection, not both", example = "1") Long series,
		@Schema(description = "Architecture: conv_lstm (Conv1D causal → LSTM → LSTM → Dense 30 → Dense 10), lstm "
				+ "(2 LSTMs), gru (2 GRUs), rnn (2 simple RNNs), dense (2 relu layers over the window), conv1d (4 causal "
				+ "Conv1D, kernel 2, dilations 1, 2, 4, 8), nbeats (N-BEATS generic blocks of fully connected layers "
				+ "with backcast and forecast links). Ignored when layers is given. Default: conv_lstm on series with "
				+ "2000 training windows or more, nbeats on shorter ones.", example = "conv_lstm") String model,
		@Schema(description = "Hidden width of the model (filters and units); default 60, smaller on short series "
				+ "(32 under 2000 training windows, 16 under 300)", example = "60") Integer units,
		@Schema(description = "Input length: the last points the model reads; default three seasons of the series' "
				+ "frequency (24 without one), bounded by 8 and 120 and by half the training part",
				example = "36") Integer window,
		@Schema(description = "Points predicted at once (direct multi-step output)", defaultValue = "1", minimum = "1",
				example = "1") Integer horizon,
		@Schema(description = "Final points held out (default: 10% of the series, at least the horizon, at most a "
				+ "fifth)", example = "323") Integer validation,
		@Schema(description = "Upper bound on passes over the training windows", defaultValue = "60", minimum = "1",
				example = "60") Integer epochs,
		@Schema(description = "Windows per gradient step (default 128, an eighth of the training windows when "
				+ "fewer, at least 8)", example = "128") Integer batchSize,
		@Schema(description = "Reshuffle the training windows every epoch", defaultValue = "true") Boolean shuffle,
		@Schema(description = "Seed of weight initialization and shuffling", defaultValue = "42",
				example = "42") Long seed,
		@Schema(description = "Batches prepared ahead", defaultValue = "2", minimum = "0",
				example = "2") Integer prefetch,
		@Schema(description = "window (each input window by its own last value and spread, outputs mapped back: "
				+ "scale-free), zscore, minmax, none (fitted on the training part)", defaultValue = "window",
				example = "window") String normalization,
		@Schema(description = "huber, mse, mae", defaultValue = "huber", example = "huber") String loss,
		Optimizer optimizer, Schedule schedule, Regularization regularization,
		@Schema(description = "Weight initialization: glorot, he, lecun", defaultValue = "glorot",
				example = "glorot") String init,
		EarlyStopping earlyStopping,
		@Schema(description = "Explicit hidden layers, in order, overriding model (the output layer of horizon units "
				+ "is added). Sequence layers (rnn, lstm, gru, conv1d) come first; the last of them passes its last "
				+ "step to the dense layers.") List<Layer> layers,
		@Schema(description = "none, first (x[t] - x[t-1]) or seasonal (x[t] - x[t-season]) before normalizing; "
				+ "forecasts are integrated back", defaultValue = "none", example = "none") String differencing,
		@Schema(description = "Season length (default: from the series' frequency, 12 for monthly, 7 for daily, "
				+ "...): the lag of seasonal differencing and of the seasonal naive baseline",
				example = "12") Integer season,
		@Schema(description = "A collection to train one global network on: the windows of all its members "
				+ "(scale-free, normalization window only), the last validation points of each member held out; "
				+ "any member is then forecast with the run (method=neural). Give this or series, not both. "
				+ "Defaults for a collection (CollectionDefaults): nbeats, a window of twice the horizon (8 to "
				+ "120; shorter members are padded), validation = horizon per member, batches of 256, epochs for "
				+ "about 3000 gradient steps", example = "7") Long collection) {

	/** A request for a series (no collection). */
	public TrainRequest(Long series, String model, Integer units, Integer window, Integer horizon, Integer validation,
			Integer epochs, Integer batchSize, Boolean shuffle, Long seed, Integer prefetch, String normalization,
			String loss, Optimizer optimizer, Schedule schedule, Regularization regularization, String init,
			EarlyStopping earlyStopping, List<Layer> layers, String differencing, Integer season) {
		this(series, model, units, window, horizon, validation, epochs, batchSize, shuffle, seed, prefetch,
				normalization, loss, optimizer, schedule, regularization, init, earlyStopping, layers, differencing,
				season, null);
	}

	/** A request without differencing or season. */
	public TrainRequest(Long series, String model, Integer units, Integer window, Integer horizon, Integer validation,
			Integer epochs, Integer batchSize, Boolean shuffle, Long seed, Integer prefetch, String normalization,
			String loss, Optimizer optimizer, Schedule schedule, Regularization regularization, String init,
			EarlyStopping earlyStopping, List<Layer> layers) {
		this(series, model, units, window, horizon, validation, epochs, batchSize, shuffle, seed, prefetch,
				normalization, loss, optimizer, schedule, regularization, init, earlyStopping, layers, null, null,
				null);
	}

	@Schema(name = "Optimizer")
	public record Optimizer(
			@Schema(description = "sgd, momentum (classical), nesterov, adagrad, rmsprop, adam, adamax, nadam",
					defaultValue = "adam", example = "adam") String type,
			@Schema(description = "Learning rate (the starting rate of a schedule)", defaultValue = "0.002",
					exclusiveMinimum = true, minimum = "0", example = "0.002") Double learningRate,
			@Schema(description = "Momentum of momentum and nesterov, in [0, 1)", defaultValue = "0.9",
					example = "0.9") Double momentum,
			@Schema(description = "Decay of rmsprop's squared-gradient average, in [0, 1)", defaultValue = "0.9",
					example = "0.9") Double rho,
			@Schema(description = "First-moment decay of adam, adamax, nadam, in [0, 1)", defaultValue = "0.9",
					example = "0.9") Double beta1,
			@Schema(description = "Second-moment decay of adam, adamax, nadam, in [0, 1)", defaultValue = "0.999",
					example = "0.999") Double beta2,
			@Schema(description = "Small constant of adagrad, rmsprop and the Adam family, above 0",
					defaultValue = "1e-7", example = "1e-7") Double epsilon) {
	}

	@Schema(name = "Schedule",
			description = "Learning-rate schedule; give only the parameters of its type (e = epoch − 1). constant; "
					+ "power: rate / (1 + e/steps)^power; exponential: rate · decay^(e/steps); piecewise: values[k] up "
					+ "to and including epoch boundaries[k]; plateau: rate × factor after patience epochs without a "
					+ "lower validation loss, not below minRate; one_cycle (per step): up from rate to maxRate over 45% "
					+ "of the steps, back over 45%, then down to rate/1000; range_test: start · factor^e, the run "
					+ "records loss against rate and answers metrics.suggestedLearningRate.")
	public record Schedule(
			@Schema(description = "constant, power, exponential, piecewise, plateau, one_cycle, range_test",
					defaultValue = "constant", example = "constant") String type,
			@Schema(description = "power (default 10), exponential (default 20): epochs per decay step") Double steps,
			@Schema(description = "power: exponent (default 1)") Double power,
			@Schema(description = "exponential: factor per steps epochs, in (0, 1) (default 0.1)") Double decay,
			@Schema(description = "piecewise: increasing epochs, the last of each value but the last") List<Integer> boundaries,
			@Schema(description = "piecewise: rates, one more than boundaries") List<Double> values,
			@Schema(description = "plateau: reduction factor in (0, 1) (default 0.5); range_test: growth per epoch "
					+ "above 1 (default 10^(1/20) ≈ 1.122)") Double factor,
			@Schema(description = "plateau: epochs without improvement of the validation loss (default 5)") Integer patience,
			@Schema(description = "plateau: lowest rate (default 0)") Double minRate,
			@Schema(description = "one_cycle: peak rate, above the optimizer's (default 10 × learningRate)") Double maxRate,
			@Schema(description = "range_test: rate of the first epoch (default 1e-8)") Double start) {
	}

	@Schema(name = "Regularization")
	public record Regularization(
			@Schema(description = "L1 weight penalty (with l2: elastic net)", defaultValue = "0",
					minimum = "0") Double l1,
			@Schema(description = "L2 weight penalty", defaultValue = "0", minimum = "0") Double l2,
			@Schema(description = "Probability of dropping each input of every layer but the first, while training "
					+ "only; in [0, 1)", defaultValue = "0") Double dropout,
			@Schema(description = "Batch normalization after each feed-forward hidden layer (dense layers and the "
					+ "last step of the sequence layers)", defaultValue = "false") Boolean batchNorm,
			@Schema(description = "Max-norm constraint on the incoming weights of every unit (absent: off)",
					exclusiveMinimum = true, minimum = "0") Double maxNorm,
			@Schema(description = "Clip every gradient element to ±clipValue (absent: off)", exclusiveMinimum = true,
					minimum = "0") Double clipValue,
			@Schema(description = "Clip each layer's gradient to this L2 norm (absent: off; not with clipValue)",
					exclusiveMinimum = true, minimum = "0") Double clipNorm) {
	}

	@Schema(name = "EarlyStopping")
	public record EarlyStopping(
			@Schema(description = "Epochs without improvement before stopping (0: off; default 0 for range_test)",
					defaultValue = "10", example = "10") Integer patience,
			@Schema(description = "Smallest decrease that counts as improvement", defaultValue = "0") Double minDelta,
			@Schema(description = "valMae or valLoss", defaultValue = "valMae", example = "valMae") String monitor) {
	}

	@Schema(name = "Layer")
	public record Layer(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "dense, rnn, lstm, gru, conv1d",
					example = "lstm") String type,
			@Schema(description = "Units (or filters of conv1d); default: the request's units",
					example = "32") Integer units,
			@Schema(description = "conv1d: filters (same as units)") Integer filters,
			@Schema(description = "conv1d: kernel size", defaultValue = "5") Integer kernel,
			@Schema(description = "conv1d: stride (causal padding keeps ceil(length / stride) steps)",
					defaultValue = "1") Integer stride,
			@Schema(description = "conv1d: dilation", defaultValue = "1") Integer dilation,
			@Schema(description = "relu, tanh, sigmoid, linear, elu, selu, leakyrelu, softplus, swish, gelu "
					+ "(default: tanh for rnn and lstm, relu for dense and conv1d; gru always uses tanh)") String activation,
			@Schema(description = "Sequence layers: true when the next layer is a sequence layer, false for the last "
					+ "(the default follows from the stack)") Boolean returnSequences) {
	}

}
