package dev.forecast.series;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What other features read of a stored series, as of one read of its metadata: an
 * immutable copy of the {@link Series} entity's fields that forecasting needs. Points are
 * read through {@link SeriesService#tail(SeriesView, int)}, which keeps to this
 * {@code length}.
 *
 * @param id the series id
 * @param length the number of points
 * @param frequency the inferred step, or {@code null} for an irregular series
 * @param end the time of the last point
 * @param dateOnly whether every time is a midnight (times are written as dates)
 * @param updatedAt the last change: with {@code length}, what tells one state of the
 * series from another
 */
public record SeriesView(long id, long length, Frequency frequency, LocalDateTime end, boolean dateOnly,
		Instant updatedAt) {

	/** The entity's current state. */
	public static SeriesView of(Series series) {
		return new SeriesView(series.getId(), series.getLength(), series.getFrequency(), series.getEnd(),
				series.isDateOnly(), series.getUpdatedAt());
	}

}
