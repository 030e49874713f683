package dev.forecast.forecast;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** A forecast as {@code GET /forecast} answers it. */
@Schema(name = "Forecast")
public record ForecastResponse(@Schema(example = "1") long series, @Schema(example = "naive") String method,
		@Schema(example = "3") int horizon,
		@Schema(description = "The method's parameters in effect, defaults filled in",
				example = "{}") Map<String, Object> params,
		@Schema(description = "The training run of a neural forecast; null for the other methods",
				nullable = true) Long run,
		List<Point> points) {

	/** One forecast step: time, value and the prediction intervals by level. */
	@Schema(name = "ForecastPoint")
	public record Point(@Schema(example = "2018-08-31") String t, @Schema(example = "1.6") double v,
			@Schema(description = "Prediction intervals [lower, upper] keyed by level in percent; empty when the "
					+ "series is too short to have two one-step residuals",
					example = "{\"80\": [-29.73, 33.41], \"95\": [-54.04, 61.51]}") Map<String, double[]> intervals) {
	}

}
