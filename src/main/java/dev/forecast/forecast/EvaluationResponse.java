package dev.forecast.forecast;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** A backtest as {@code GET /evaluation} answers it. */
@Schema(name = "Evaluation")
public record EvaluationResponse(@Schema(example = "1") long series, @Schema(example = "235") int holdout,
		@Schema(example = "1") int horizon, List<Result> results,
		@Schema(description = "The method with the lowest MAE", example = "moving_average") String best,
		@Schema(description = "In-sample one-step naive MAE over the points read before the holdout: the MASE "
				+ "denominator; null when it is 0", example = "19.639", nullable = true) Double maseScale,
		@Schema(description = "Methods left out of a default evaluation because they do not fit this series") List<Skipped> skipped,
		@Schema(description = "How the figures were computed, including MAPE's skipped zero actuals") List<String> notes) {

	/** One method's errors over the holdout. */
	@Schema(name = "EvaluationResult")
	public record Result(@Schema(example = "moving_average") String method,
			@Schema(example = "{\"window\": 3}") Map<String, Object> params,
			@Schema(description = "Number of forecasts scored (one per holdout point)", example = "235") int forecasts,
			@Schema(example = "15.91") double mae, @Schema(example = "22.503") double rmse,
			@Schema(description = "Mean absolute percentage error in percent, over the non-zero actuals only; "
					+ "null when every actual is 0", example = "53.99", nullable = true) Double mape,
			@Schema(description = "Holdout points left out of MAPE because their actual value is 0",
					example = "0") int mapeSkipped,
			@Schema(description = "Symmetric MAPE in percent: mean of 200|e|/(|actual|+|forecast|), "
					+ "0 where both are 0", example = "36.17") double smape,
			@Schema(description = "MAE divided by maseScale; null when the scale is 0", example = "0.81",
					nullable = true) Double mase,
			@Schema(description = "Share of actuals inside each prediction interval, keyed by level",
					example = "{\"80\": 0.872, \"95\": 0.970}") Map<String, Double> coverage) {
	}

	/** A method a default evaluation could not run, and why. */
	@Schema(name = "EvaluationSkipped")
	public record Skipped(@Schema(example = "seasonal_naive") String method,
			@Schema(example = "season: is required: the series has no regular frequency") String reason) {
	}

}
