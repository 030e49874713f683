package dev.forecast.collection;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The backtest of every member of a collection, aggregated per method.
 *
 * @param methods per method: over the members it was scored on, the mean and median of
 * each metric
 * @param best the method with the lowest mean MASE (the lowest mean sMAPE when no member
 * has a MASE)
 * @param wins per method, the members it is best on (lowest MAE, as {@code /evaluation})
 * @param members each member's best method and its metrics
 * @param failed the members that could not be backtested, with the reason
 */
@Schema(name = "CollectionEvaluation")
record CollectionEvaluationResponse(@Schema(example = "1") long collection, @Schema(example = "18") int horizon,
		@Schema(description = "Members backtested", example = "1428") int evaluated, List<MethodSummary> methods,
		@Schema(example = "theta") String best, @Schema(example = "{\"theta\": 512}") Map<String, Integer> wins,
		List<MemberResult> members, List<Failure> failed) {

	/** One method's metrics over the members it was scored on. */
	@Schema(name = "CollectionMethodSummary")
	record MethodSummary(@Schema(example = "theta") String method, @Schema(example = "1428") int members, Summary mae,
			Summary rmse, Summary smape, Summary mase) {
	}

	/** Mean and median of a metric over members; null when no member has it. */
	@Schema(name = "CollectionMetricSummary")
	record Summary(@Schema(example = "12.5") Double mean, @Schema(example = "9.8") Double median,
			@Schema(description = "Members that have the metric", example = "1428") int members) {
	}

	/** A member's best method (lowest MAE) with its metrics. */
	@Schema(name = "CollectionMemberResult")
	record MemberResult(@Schema(example = "N1402") String id, @Schema(example = "17") long series,
			@Schema(example = "18") int holdout, @Schema(example = "theta") String best,
			@Schema(example = "120.5") double mae, @Schema(example = "150.2") double rmse,
			@Schema(example = "8.1") double smape, @Schema(example = "0.9", nullable = true) Double mase) {
	}

	/** A member that could not be backtested. */
	@Schema(name = "CollectionEvaluationFailure")
	record Failure(@Schema(example = "N0007") String id, @Schema(example = "23") long series,
			@Schema(example = "holdout: must be between 1 and 12") String reason) {
	}

}
