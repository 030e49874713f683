package dev.forecast.series;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A stored series as the API shows it. */
@Schema(name = "Series")
public record SeriesResponse(@Schema(example = "1") long id, @Schema(example = "sunspots") String name,
		@Schema(example = "3235") long length, @Schema(example = "1749-01-31") String start,
		@Schema(example = "2018-07-31") String end,
		@Schema(description = "Inferred step: HOURLY, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY, an ISO-8601 "
				+ "duration, or null for an irregular series", example = "MONTHLY") String frequency,
		@Schema(description = "Missing steps between the first and the last point (kept as they are, never filled)",
				example = "0") long gaps,
		Stats stats, Instant createdAt, Instant updatedAt) {

	/** Summary statistics; {@code std} is the sample standard deviation. */
	public record Stats(@Schema(example = "82.48") double mean, @Schema(example = "67.8") double std,
			@Schema(example = "0.0") double min, @Schema(example = "398.2") double max) {
	}

	static SeriesResponse of(Series series) {
		SeriesStats stats = series.stats();
		Frequency frequency = series.getFrequency();
		return new SeriesResponse(series.getId(), series.getName(), series.getLength(),
				TimeFormat.format(series.getStart(), series.isDateOnly()),
				TimeFormat.format(series.getEnd(), series.isDateOnly()), frequency == null ? null : frequency.code(),
				series.getGaps(), new Stats(stats.mean(), stats.std(), stats.min(), stats.max()), series.getCreatedAt(),
				series.getUpdatedAt());
	}

}
