package dev.forecast.series;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A series sent as JSON: either {@code points} (each with its timestamp), or
 * {@code start}, {@code frequency} and {@code values} for a regular series.
 */
@Schema(description = "A series as JSON: either points, or start + frequency + values", example = """
		{"name": "sunspots", "start": "1749-01-31", "frequency": "MONTHLY", "values": [96.7, 104.3, 116.7]}""")
public record SeriesUpload(@Schema(description = "Name of the series", example = "sunspots") String name,
		@Schema(description = "Observations with their timestamps, in time order") List<Point> points,
		@Schema(description = "Timestamp of the first value (with frequency and values)",
				example = "1749-01-31") String start,
		@Schema(description = "HOURLY, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY or an ISO-8601 duration",
				example = "MONTHLY") String frequency,
		@Schema(description = "Values at start, start + 1 step, ...") List<Double> values) {

	/** One observation: a timestamp and its value. */
	public record Point(@Schema(example = "1749-01-31") String t, @Schema(example = "96.7") Double v) {
	}

}
