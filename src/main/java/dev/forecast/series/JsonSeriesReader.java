package dev.forecast.series;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.FieldProblem;

/** Checks a JSON {@link SeriesUpload} and turns it into points, naming each bad field. */
public final class JsonSeriesReader {

	private static final String TITLE = "Invalid series";

	private JsonSeriesReader() {
	}

	public static ParsedSeries read(SeriesUpload upload) {
		boolean hasPoints = upload.points() != null;
		boolean hasValues = upload.values() != null || upload.start() != null || upload.frequency() != null;
		if (hasPoints == hasValues) {
			throw new BadRequestException(TITLE,
					"Send either 'points' ([{\"t\": ..., \"v\": ...}]) or 'start', 'frequency' and 'values'.",
					List.of(new FieldProblem("points", "give either points or start + frequency + values")));
		}
		return hasPoints ? fromPoints(upload.points()) : fromValues(upload);
	}

	private static ParsedSeries fromPoints(List<SeriesUpload.Point> points) {
		if (points.isEmpty()) {
			throw empty("points");
		}
		ObservationsBuilder out = new ObservationsBuilder(points.size());
		boolean dateOnly = true;
		for (int i = 0; i < points.size(); i++) {
			SeriesUpload.Point point = points.get(i);
			String field = "points[" + i + "]";
			if (point == null || point.t() == null) {
				throw invalid(field + ".t", "is required");
			}
			long t = Timestamps.parse(point.t());
			if (t == Timestamps.INVALID) {
				throw invalid(field + ".t", "'" + point.t() + "' is not a date or date-time");
			}
			if (point.v() == null) {
				throw invalid(field + ".v", "is required");
			}
			if (out.size() > 0 && t <= out.lastTime()) {
				throw invalid(field + ".t", t == out.lastTime() ? "repeats the timestamp of points[" + (i - 1) + "]"
						: "is earlier than points[" + (i - 1) + "].t; send points in time order");
			}
			dateOnly = dateOnly && point.t().trim().length() <= 10;
			out.add(t, finite(point.v(), field + ".v"));
		}
		return new ParsedSeries(out.build(), dateOnly);
	}

	private static ParsedSeries fromValues(SeriesUpload upload) {
		List<FieldProblem> missing = new ArrayList<>();
		if (upload.start() == null) {
			missing.add(new FieldProblem("start", "is required with values"));
		}
		if (upload.frequency() == null) {
			missing.add(new FieldProblem("frequency", "is required with values"));
		}
		if (upload.values() == null) {
			missing.add(new FieldProblem("values", "is required with start and frequency"));
		}
		if (!missing.isEmpty()) {
			throw new BadRequestException(TITLE, missing.get(0).field() + " " + missing.get(0).message(), missing);
		}
		if (upload.values().isEmpty()) {
			throw empty("values");
		}
		long start = Timestamps.parse(upload.start());
		if (start == Timestamps.INVALID) {
			throw invalid("start", "'" + upload.start() + "' is not a date or date-time");
		}
		LocalDateTime first = Observations.toDateTime(start);
		Frequency frequency;
		try {
			frequency = Frequency.parse(upload.frequency(), first);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("frequency", ex.getMessage());
		}
		ObservationsBuilder out = new ObservationsBuilder(upload.values().size());
		for (int i = 0; i < upload.values().size(); i++) {
			Double v = upload.values().get(i);
			if (v == null) {
				throw invalid("values[" + i + "]", "is null; every value must be a number");
			}
			out.add(Observations.toEpochSecond(frequency.plus(first, i)), finite(v, "values[" + i + "]"));
		}
		boolean wholeDays = frequency.isCalendar() || frequency.duration().toSeconds() % 86_400 == 0;
		boolean dateOnly = wholeDays && upload.start().trim().length() <= 10;
		return new ParsedSeries(out.build(), dateOnly);
	}

	private static double finite(Double v, String field) {
		if (!Double.isFinite(v)) {
			throw invalid(field, "must be a finite number");
		}
		return v;
	}

	private static BadRequestException empty(String field) {
		return new BadRequestException("Empty series", "The series has no points: '" + field + "' is empty.",
				List.of(new FieldProblem(field, "must not be empty")));
	}

	private static BadRequestException invalid(String field, String message) {
		return new BadRequestException(TITLE, field + " " + message + ".", List.of(new FieldProblem(field, message)));
	}

}
