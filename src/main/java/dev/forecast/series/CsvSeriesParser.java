package dev.forecast.series;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forecast.error.BadRequestException;
import dev.forecast.error.FieldProblem;

/**
 * Reads a series from CSV as people have it: an optional header row, a leading unnamed
 * index column, quoted fields, CRLF line endings, a byte-order mark (UTF-8 or UTF-16),
 * comma, semicolon or tab delimiters, an Excel {@code sep=} line, decimal commas (see
 * {@link CsvDialect}). Unless told which columns to use, it takes the first column
 * holding timestamps and the last other column holding numbers. Every problem is reported
 * with its line and column.
 */
final class CsvSeriesParser {

	private static final String TITLE = "Invalid CSV";

	private CsvSeriesParser() {
	}

	static ParsedSeries parse(InputStream body, String timeColumn, String valueColumn) {
		return parse(body, timeColumn, valueColumn, null, null);
	}

	/**
	 * Reads {@code body} in its {@link CsvDialect}: {@code delimiter} and {@code decimal}
	 * are the request's parameters, {@code null} to detect them.
	 */
	static ParsedSeries parse(InputStream body, String timeColumn, String valueColumn, String delimiter,
			String decimal) {
		CsvDialect dialect = CsvDialect.DEFAULT;
		try {
			BufferedInputStream in = new BufferedInputStream(body, CsvDialect.SNIFF);
			dialect = CsvDialect.detect(in, delimiter, decimal);
			try (CsvReader<CsvRecord> reader = CsvReader.builder()
				.fieldSeparator(dialect.delimiter())
				.skipEmptyLines(true)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.ofCsvRecord(new InputStreamReader(in, dialect.charset()))) {
				Iterator<CsvRecord> rows = reader.iterator();
				if (dialect.sepLine() && rows.hasNext()) {
					rows.next();
				}
				return read(rows, timeColumn, valueColumn, dialect);
			}
		}
		catch (CsvParseException ex) {
			throw new BadRequestException(TITLE,
					"The CSV could not be read: " + rootMessage(ex) + ". " + dialect.describe());
		}
		catch (UncheckedIOException ex) {
			throw unreadable(ex.getCause());
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	private static ParsedSeries read(Iterator<CsvRecord> rows, String timeColumn, String valueColumn,
			CsvDialect dialect) {
		if (!rows.hasNext()) {
			throw new BadRequestException("Empty series",
					"The CSV is empty: send a header row and at least one " + "row of a timestamp and a value.");
		}
		CsvRecord first = rows.next();
		boolean header = isHeader(first, dialect);
		List<String> names = header ? first.getFields() : unnamed(first.getFieldCount());
		CsvRecord sample = header ? (rows.hasNext() ? rows.next() : null) : first;
		if (sample == null) {
			throw new BadRequestException("Empty series",
					"The CSV has a header row but no data rows. " + dialect.describe());
		}
		int time = timeColumn == null ? detectTimeColumn(sample, names, dialect)
				: column(timeColumn, names, "timeColumn");
		int value = valueColumn == null ? detectValueColumn(sample, names, time, dialect)
				: column(valueColumn, names, "valueColumn");
		if (time == value) {
			throw BadRequestException.invalid("valueColumn", "is the same column as the time column");
		}
		Columns columns = new Columns(names, time, value, dialect);
		ObservationsBuilder points = new ObservationsBuilder(1024);
		boolean dateOnly = true;
		long previousLine = 0;
		CsvRecord row = sample;
		while (row != null) {
			long line = row.getStartingLineNumber();
			long t = columns.time(row);
			double v = columns.value(row);
			if (points.size() > 0) {
				long last = points.lastTime();
				if (t == last) {
					throw rowError(columns.timeName(), line, "timestamp " + row.getField(time).trim()
							+ " repeats the one on line " + previousLine + "; each timestamp may appear once");
				}
				if (t < last) {
					throw rowError(columns.timeName(), line, "timestamp " + row.getField(time).trim()
							+ " is earlier than the one on line " + previousLine + "; sort the rows by time");
				}
			}
			dateOnly = dateOnly && row.getField(time).trim().length() <= 10;
			points.add(t, v);
			previousLine = line;
			row = rows.hasNext() ? rows.next() : null;
		}
		return new ParsedSeries(points.build(), dateOnly);
	}

	private static boolean isHeader(CsvRecord row, CsvDialect dialect) {
		for (String field : row.getFields()) {
			String f = field.trim();
			if (!f.isEmpty() && !isNumber(dialect.number(f)) && Timestamps.parse(f) == Timestamps.INVALID) {
				return true;
			}
		}
		return false;
	}

	private static List<String> unnamed(int count) {
		List<String> names = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			names.add("");
		}
		return names;
	}

	private static int detectTimeColumn(CsvRecord sample, List<String> names, CsvDialect dialect) {
		for (int i = 0; i < sample.getFieldCount(); i++) {
			if (Timestamps.parse(sample.getField(i)) != Timestamps.INVALID) {
				return i;
			}
		}
		throw new BadRequestException(TITLE,
				"No column of line " + sample.getStartingLineNumber()
						+ " holds a date or date-time (such as 2018-07-31 or 2016-07-01 00:00:00); columns: "
						+ describe(names) + ". Name the time column with the timeColumn parameter."
						+ (names.size() == 1 ? " " + dialect.describe() : ""));
	}

	private static int detectValueColumn(CsvRecord sample, List<String> names, int time, CsvDialect dialect) {
		for (int i = sample.getFieldCount() - 1; i >= 0; i--) {
			if (i != time && isNumber(dialect.number(sample.getField(i).trim()))) {
				return i;
			}
		}
		throw new BadRequestException(TITLE,
				"No column of line " + sample.getStartingLineNumber()
						+ " holds a number besides the time column; columns: " + describe(names)
						+ ". Name the value column with the valueColumn parameter. " + hints(sample, time, dialect)
						+ dialect.describe());
	}

	private static String hints(CsvRecord sample, int time, CsvDialect dialect) {
		for (int i = 0; i < sample.getFieldCount(); i++) {
			String hint = dialect.hint(sample.getField(i));
			if (i != time && !hint.isEmpty()) {
				return "Column #" + (i + 1) + " holds '" + sample.getField(i).trim() + "'" + hint + ". ";
			}
		}
		return "";
	}

	/** A column named by its header text (case-insensitive) or its 1-based position. */
	static int column(String wanted, List<String> names, String parameter) {
		String key = wanted.trim().toLowerCase(Locale.ROOT);
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).trim().toLowerCase(Locale.ROOT).equals(key)) {
				return i;
			}
		}
		try {
			int position = Integer.parseInt(key);
			if (position >= 1 && position <= names.size()) {
				return position - 1;
			}
		}
		catch (NumberFormatException ignored) {
			// not a position either
		}
		throw BadRequestException.invalid(parameter,
				"no column '" + wanted + "'; the columns are " + describe(names) + " (or give a 1-based position)");
	}

	static boolean isNumber(String text) {
		return parseNumber(text) != null;
	}

	/**
	 * The number {@code text} holds (NaN and Infinity included, so that they are reported
	 * as non-finite rather than as text), or {@code null}. Java's float suffixes (1d, 2f)
	 * and hex forms are not numbers here.
	 */
	static Double parseNumber(String text) {
		if (text.isEmpty()) {
			return null;
		}
		char last = text.charAt(text.length() - 1);
		if (!(last >= '0' && last <= '9') && last != '.' && last != 'N' && last != 'y') {
			return null;
		}
		if (text.indexOf('x') >= 0 || text.indexOf('X') >= 0) {
			return null;
		}
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String describe(List<String> names) {
		List<String> shown = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			shown.add(names.get(i).isBlank() ? "#" + (i + 1) : "'" + names.get(i) + "'");
		}
		return String.join(", ", shown);
	}

	private static BadRequestException rowError(String column, long line, String message) {
		return new BadRequestException(TITLE, "Line " + line + ", column " + column + ": " + message + ".",
				List.of(new FieldProblem(column, "line " + line + ": " + message)));
	}

	static BadRequestException unreadable(IOException ex) {
		return new BadRequestException(TITLE, "The CSV body could not be read: " + ex.getMessage());
	}

	static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage();
	}

	/** The two chosen columns, with the messages that name them. */
	private record Columns(List<String> names, int time, int value, CsvDialect dialect) {

		String timeName() {
			return name(this.time);
		}

		String valueName() {
			return name(this.value);
		}

		private String name(int index) {
			String header = index < this.names.size() ? this.names.get(index).trim() : "";
			return header.isEmpty() ? "#" + (index + 1) : "'" + header + "' (#" + (index + 1) + ")";
		}

		long time(CsvRecord row) {
			String text = field(row, this.time);
			long t = Timestamps.parse(text);
			if (t == Timestamps.INVALID) {
				throw rowError(timeName(), row.getStartingLineNumber(), "'" + text.trim()
						+ "' is not a date or date-time (use 2018-07-31, 2016-07-01 00:00:00 or ISO-8601)");
			}
			return t;
		}

		double value(CsvRecord row) {
			String text = field(row, this.value).trim();
			Double v = parseNumber(this.dialect.number(text));
			if (v == null) {
				throw rowError(valueName(), row.getStartingLineNumber(), text.isEmpty() ? "the value is empty"
						: "'" + text + "' is not a number" + this.dialect.hint(text));
			}
			if (!Double.isFinite(v)) {
				throw rowError(valueName(), row.getStartingLineNumber(),
						"'" + text + "' is not a finite number (NaN and Infinity are not accepted)");
			}
			return v;
		}

		/**
		 * The field at {@code index}, refused when it holds a control character (which
		 * trimming would silently drop); the column's name is only built for the error.
		 */
		private String field(CsvRecord row, int index) {
			if (index >= row.getFieldCount()) {
				String name = name(index);
				throw rowError(name, row.getStartingLineNumber(),
						"the row has " + row.getFieldCount() + " fields, so column " + name + " is missing");
			}
			String text = row.getField(index);
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isISOControl(c) && c != '\t') {
					throw rowError(name(index), row.getStartingLineNumber(),
							String.format(Locale.ROOT, "the field holds the control character U+%04X at character %d; "
									+ "remove it (only printable text is read)", (int) c, i + 1));
				}
			}
			return text;
		}

	}

}
