package dev.forecast.series;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes timestamps as the API does: {@code 2018-07-31} for date-only series, ISO
 * date-times otherwise.
 */
public final class TimeFormat {

	private TimeFormat() {
	}

	public static String format(LocalDateTime time, boolean dateOnly) {
		return dateOnly ? time.toLocalDate().toString() : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
	}

	public static String format(long epochSecond, boolean dateOnly) {
		return format(Observations.toDateTime(epochSecond), dateOnly);
	}

}
