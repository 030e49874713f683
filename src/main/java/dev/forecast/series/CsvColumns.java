package dev.forecast.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forecast.error.BadRequestException;

/**
 * The two columns a series is read from, chosen once from the first data row, and the
 * reading of a row's time and value with problems that name the line and the column.
 */
record CsvColumns(List<String> names, int time, int value, CsvDialect dialect) {

	/**
	 * The columns of {@code sample}'s rows: named by {@code timeColumn} and
	 * {@code valueColumn} (header text or 1-based position), else the first column
	 * holding a timestamp and the last other column holding a number.
	 */
	static CsvColumns choose(CsvRecord sample, List<String> names, String timeColumn, String valueColumn,
			CsvDialect dialect) {
		int time = timeColumn == null ? detectTimeColumn(sample, names, dialect)
				: column(timeColumn, names, "timeColumn");
		int value = valueColumn == null ? detectValueColumn(sample, names, time, dialect)
				: column(valueColumn, names, "valueColumn");
		if (time == value) {
			throw BadRequestException.invalid("valueColumn", "is the same column as the time column");
		}
		return new CsvColumns(names, time, value, dialect);
	}

	/** Whether {@code row} holds a field that is neither a number nor a timestamp. */
	static boolean isHeader(CsvRecord row, CsvDialect dialect) {
		for (String field : row.getFields()) {
			String f = field.trim();
			if (!f.isEmpty() && !CsvNumbers.isNumber(dialect.number(f)) && Timestamps.parse(f) == Timestamps.INVALID) {
				return true;
			}
		}
		return false;
	}

	static List<String> unnamed(int count) {
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
		throw new BadRequestException(CsvProblems.TITLE,
				"No column of line " + sample.getStartingLineNumber()
						+ " holds a date or date-time (such as 2018-07-31 or 2016-07-01 00:00:00); columns: "
						+ describe(names) + ". Name the time column with the timeColumn parameter."
						+ (names.size() == 1 ? " " + dialect.describe() : ""));
	}

	private static int detectValueColumn(CsvRecord sample, List<String> names, int time, CsvDialect dialect) {
		for (int i = sample.getFieldCount() - 1; i >= 0; i--) {
			if (i != time && CsvNumbers.isNumber(dialect.number(sample.getField(i).trim()))) {
				return i;
			}
		}
		throw new BadRequestException(CsvProblems.TITLE,
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

	static String describe(List<String> names) {
		List<String> shown = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			shown.add(names.get(i).isBlank() ? "#" + (i + 1) : "'" + names.get(i) + "'");
		}
		return String.join(", ", shown);
	}

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
			throw CsvProblems.rowError(timeName(), row.getStartingLineNumber(), "'" + text.trim()
					+ "' is not a date or date-time (use 2018-07-31, 2016-07-01 00:00:00 or ISO-8601)");
		}
		return t;
	}

	double value(CsvRecord row) {
		String text = field(row, this.value).trim();
		Double v = CsvNumbers.parseNumber(this.dialect.number(text));
		if (v == null) {
			throw CsvProblems.rowError(valueName(), row.getStartingLineNumber(),
					text.isEmpty() ? "the value is empty" : "'" + text + "' is not a number" + this.dialect.hint(text));
		}
		if (!Double.isFinite(v)) {
			throw CsvProblems.rowError(valueName(), row.getStartingLineNumber(),
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
			throw CsvProblems.rowError(name, row.getStartingLineNumber(),
					"the row has " + row.getFieldCount() + " fields, so column " + name + " is missing");
		}
		String text = row.getField(index);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t') {
				throw CsvProblems.rowError(name(index), row.getStartingLineNumber(),
						String.format(Locale.ROOT, "the field holds the control character U+%04X at character %d; "
								+ "remove it (only printable text is read)", (int) c, i + 1));
			}
		}
		return text;
	}

}
