package dev.forecast.series;

import java.time.LocalDateTime;
import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.FieldProblem;

/** The 400 for an append whose points leave the calendar of a regular series. */
final class AppendCalendar {

	private AppendCalendar() {
	}

	/**
	 * Names the first appended point off the series' grid and the timestamp the series
	 * expected next (the step after its last point, or after the last appended point
	 * still on the grid).
	 */
	static BadRequestException offCalendar(Series series, Frequency frequency, Observations added) {
		LocalDateTime anchor = series.getStart();
		long previous = frequency.stepsBetween(anchor, series.getEnd());
		int offending = 0;
		for (int i = 0; i < added.size(); i++) {
			long index = frequency.stepsBetween(anchor, added.time(i));
			if (index < 0 || index <= previous) {
				offending = i;
				break;
			}
			previous = index;
		}
		boolean dateOnly = series.isDateOnly();
		String found = TimeFormat.format(added.time(offending), dateOnly);
		String expected = TimeFormat.format(frequency.plus(anchor, previous + 1), dateOnly);
		String message = "point " + (offending + 1) + " (" + found + ") is not on the series' " + describe(frequency)
				+ " calendar, and the whole series would have no regular step; the next expected timestamp is "
				+ expected + " (later steps of the same calendar may follow, leaving gaps)";
		return new BadRequestException("Off-calendar append", "The appended " + message + ".",
				List.of(new FieldProblem("t", message)));
	}

	private static String describe(Frequency frequency) {
		return frequency.code() + (frequency.isCalendar() && frequency.monthEnd() ? " (month-end)" : "");
	}

}
