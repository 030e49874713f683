package dev.forecast.tuning;

import java.util.List;

import dev.forecast.training.TrainRequest;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /tune}: a random search over {@code space} around {@code base},
 * {@code trials} runs.
 *
 * @param series the series every trial trains on
 * @param trials how many points of the space to train
 * @param seed seed of the sampling: the same seed samples the same trials
 * @param base the spec every trial starts from (a {@code TrainRequest}; its
 * {@code series} is ignored)
 * @param space the dimensions to sample; at least one
 */
@Schema(name = "TuneRequest")
public record TuneRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") Long series,
		@Schema(description = "Number of trials (runs)", defaultValue = "10", minimum = "1",
				example = "10") Integer trials,
		@Schema(description = "Seed of the sampling; the same seed samples the same params (default: a random seed, "
				+ "shown in the answer)", example = "1") Long seed,
		@Schema(description = "The TrainRequest every trial starts from (series is ignored); default: all defaults") TrainRequest base,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "Dimensions to sample, at least one") Space space) {

	/**
	 * The search space. {@code layers} (with {@code units}) replaces the base model by an
	 * explicit stack of that many hidden layers of the base model's kind
	 * ({@code conv_lstm}: one causal Conv1D, then LSTMs).
	 */
	@Schema(name = "SearchSpace")
	public record Space(@Schema(
			description = "optimizer.learningRate: uniform in [min, max], or log-uniform with log (default true)") Range learningRate,
			@Schema(description = "Hidden width: one of values") Values units,
			@Schema(description = "Number of hidden layers: an integer in [min, max]") IntRange layers,
			@Schema(description = "batchSize: one of values") Values batchSize,
			@Schema(description = "regularization.dropout: uniform in [min, max], max below 1") Range dropout,
			@Schema(description = "window: one of values") Values window) {
	}

	@Schema(name = "SearchRange")
	public record Range(@Schema(example = "0.0001") Double min, @Schema(example = "0.01") Double max,
			@Schema(description = "Sample the logarithm uniformly (learningRate only)",
					defaultValue = "true") Boolean log) {
	}

	@Schema(name = "SearchIntRange")
	public record IntRange(@Schema(example = "1") Integer min, @Schema(example = "3") Integer max) {
	}

	@Schema(name = "SearchValues")
	public record Values(@Schema(example = "[16, 32, 64]") List<Integer> values) {
	}

}
