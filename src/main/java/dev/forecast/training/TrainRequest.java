package dev.forecast.training;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /train}: only {@code series} is required; every missing field takes its default
 * (see the run's {@code spec} for the values used).
 */
@Schema(name = "TrainRequest")
public record TrainRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") Long series,
		@Schema(description = "conv_lstm (default), lstm, dense", example = "conv_lstm") String model,
		@Schema(description = "Hidden width (filters and LSTM units)", example = "60") Integer units,
		@Schema(example = "60") Integer window,
		@Schema(description = "Points predicted at once (direct multi-step output)", example = "1") Integer horizon,
		@Schema(description = "Final points held out (default: 235, at most a fifth of the series)",
				example = "235") Integer validation,
		@Schema(example = "60") Integer epochs, @Schema(example = "128") Integer batchSize, Boolean shuffle,
		@Schema(example = "42") Long seed, @Schema(description = "Batches prepared ahead", example = "2") Integer prefetch,
		@Schema(description = "zscore, minmax, none", example = "zscore") String normalization,
		@Schema(description = "huber, mse, mae", example = "huber") String loss, Optimizer optimizer,
		Schedule schedule, Regularization regularization,
		@Schema(description = "glorot, he, lecun", example = "glorot") String init, EarlyStopping earlyStopping) {

	public record Optimizer(
			@Schema(description = "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamax, nadam", example = "adam") String type,
			@Schema(example = "0.002") Double learningRate, @Schema(example = "0.9") Double momentum) {
	}

	public record Schedule(@Schema(description = "constant", example = "constant") String type) {
	}

	public record Regularization(Double l1, Double l2, Double dropout, Boolean batchNorm, Double maxNorm,
			Double clipValue, Double clipNorm) {
	}

	public record EarlyStopping(@Schema(description = "Epochs without improvement before stopping (0: off)",
			example = "10") Integer patience, Double minDelta,
			@Schema(description = "valMae or valLoss", example = "valMae") String monitor) {
	}

}
