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
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forecast.error.BadRequestException;
import dev.forecast.error.PayloadTooLargeException;

/**
 * Reads a long table, many series in one CSV: an id column, a timestamp column and a
 * value column ({@code unique_id,ds,y}, {@code id,date,value} and the like), in the
 * {@link CsvDialect} of single-series uploads (delimiters, decimal commas, byte-order
 * marks, timestamps as {@link Timestamps} reads them). Columns are found by their header
 * names, else from the first data row (the first timestamp column, the last other numeric
 * column, the first remaining column as the id), unless named by the options. Every
 * problem names its line and the id.
 */
public final class LongCsvParser {

	private static final Set<String> ID_NAMES = Set.of("unique_id", "id", "series", "series_id", "item_id", "key",
			"item", "name", "sku", "store");

	private static final Set<String> TIME_NAMES = Set.of("ds", "date", "timestamp", "time", "t", "datetime", "period");

	private static final Set<String> VALUE_NAMES = Set.of("y", "value", "v", "target", "values", "sales", "demand",
			"quantity");

	private LongCsvParser() {
	}

	/**
	 * The request's parameters; any may be {@code null} (columns: header name or 1-based
	 * position).
	 */
	public record Options(String idColumn, String timeColumn, String valueColumn, String delimiter, String decimal) {
	}

	/**
	 * Reads {@code body}; more than {@code maxRows} data rows is a 413 naming
	 * {@code limitSetting}.
	 */
	public static LongTable parse(InputStream body, Options options, long maxRows, String limitSetting) {
		CsvDialect dialect = CsvDialect.DEFAULT;
		try {
			BufferedInputStream in = new BufferedInputStream(body, CsvDialect.SNIFF);
			dialect = CsvDialect.detect(in, options.delimiter(), options.decimal());
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
				return read(rows, options, dialect, maxRows, limitSetting);
			}
		}
		catch (CsvParseException ex) {
			throw new BadRequestException("Invalid CSV",
					"The CSV could not be read: " + CsvProblems.rootMessage(ex) + ". " + dialect.describe());
		}
		catch (UncheckedIOException ex) {
			throw CsvProblems.unreadable(ex.getCause());
		}
		catch (IOException ex) {
			throw CsvProblems.unreadable(ex);
		}
	}

	private static LongTable read(Iterator<CsvRecord> rows, Options options, CsvDialect dialect, long maxRows,
			String limitSetting) {
		if (!rows.hasNext()) {
			throw new BadRequestException("Empty collection",
					"The CSV is empty: send a header row (such as unique_id,ds,y) and rows of an id, a timestamp "
							+ "and a value.");
		}
		CsvRecord first = rows.next();
		boolean header = !hasTimestamp(first);
		List<String> names = header ? first.getFields() : unnamed(first.getFieldCount());
		CsvRecord sample = header ? (rows.hasNext() ? rows.next() : null) : first;
		if (sample == null) {
			throw new BadRequestException("Empty collection",
					"The CSV has a header row but no data rows. " + dialect.describe());
		}
		Columns columns = columns(sample, names, options, dialect);
		LongTableBuilder table = new LongTableBuilder();
		CsvRecord row = sample;
		while (row != null) {
			if (table.rows() >= maxRows) {
				throw new PayloadTooLargeException("The upload has more than " + maxRows + " rows, the limit of one "
						+ "upload (" + limitSetting + "); send the rest with POST /collections/{id}/points.");
			}
			long line = row.getStartingLineNumber();
			String id = columns.field(row, columns.id(), null).trim();
			if (id.isEmpty()) {
				throw LongTableBuilder.rowError(columns.name(columns.id()), line, null, "the id is empty");
			}
			String timeText = columns.field(row, columns.time(), id);
			long t = Timestamps.parse(timeText);
			if (t == Timestamps.INVALID) {
				throw LongTableBuilder.rowError(columns.name(columns.time()), line, id, "'" + timeText.trim()
						+ "' is not a date or date-time (use 2018-07-31, 2016-07-01 00:00:00 or ISO-8601)");
			}
			table.add(id, t, columns.value(row, id), line, timeText.trim().length() <= 10);
			row = rows.hasNext() ? rows.next() : null;
		}
		return table.build(columns.name(columns.time()));
	}

	private static Columns columns(CsvRecord sample, List<String> names, Options options, CsvDialect dialect) {
		int time = options.timeColumn() != null ? CsvColumns.column(options.timeColumn(), names, "timeColumn")
				: named(names, TIME_NAMES);
		if (time < 0) {
			for (int i = 0; i < sample.getFieldCount() && time < 0; i++) {
				time = Timestamps.parse(sample.getField(i)) != Timestamps.INVALID ? i : -1;
			}
		}
		if (time < 0) {
			throw new BadRequestException("Invalid CSV",
					"No column of line " + sample.getStartingLineNumber() + " holds a date or date-time; columns: "
							+ CsvColumns.describe(names) + ". Name the time column with the timeColumn parameter. "
							+ dialect.describe());
		}
		int id = options.idColumn() != null ? CsvColumns.column(options.idColumn(), names, "idColumn")
				: named(names, ID_NAMES);
		int value = options.valueColumn() != null ? CsvColumns.column(options.valueColumn(), names, "valueColumn")
				: named(names, VALUE_NAMES);
		for (int i = sample.getFieldCount() - 1; i >= 0 && value < 0; i--) {
			boolean numeric = CsvNumbers.isNumber(dialect.number(sample.getField(i).trim()));
			value = i != time && i != id && numeric ? i : -1;
		}
		for (int i = 0; i < sample.getFieldCount() && id < 0; i++) {
			id = i != time && i != value ? i : -1;
		}
		if (value < 0 || id < 0) {
			throw new BadRequestException("Invalid CSV",
					"A long table needs an id, a timestamp and a value column; line " + sample.getStartingLineNumber()
							+ " has " + (value < 0 ? "no numeric value column" : "no id column") + " (columns: "
							+ CsvColumns.describe(names) + "). Name them with idColumn, timeColumn and valueColumn. "
							+ dialect.describe());
		}
		if (id == time || id == value || time == value) {
			throw BadRequestException.invalid(id == time ? "idColumn" : "valueColumn",
					"names the same column as another of idColumn, timeColumn and valueColumn");
		}
		return new Columns(names, id, time, value, dialect);
	}

	private static int named(List<String> names, Set<String> wanted) {
		for (int i = 0; i < names.size(); i++) {
			if (wanted.contains(names.get(i).trim().toLowerCase(Locale.ROOT))) {
				return i;
			}
		}
		return -1;
	}

	private static boolean hasTimestamp(CsvRecord row) {
		for (String field : row.getFields()) {
			if (Timestamps.parse(field) != Timestamps.INVALID) {
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

	/** The three chosen columns, with the messages that name them. */
	private record Columns(List<String> names, int id, int time, int value, CsvDialect dialect) {

		String name(int index) {
			String header = index < this.names.size() ? this.names.get(index).trim() : "";
			return header.isEmpty() ? "#" + (index + 1) : "'" + header + "' (#" + (index + 1) + ")";
		}

		double value(CsvRecord row, String id) {
			String text = field(row, this.value, id).trim();
			Double v = CsvNumbers.parseNumber(this.dialect.number(text));
			if (v == null) {
				throw LongTableBuilder.rowError(name(this.value), row.getStartingLineNumber(), id, text.isEmpty()
						? "the value is empty" : "'" + text + "' is not a number" + this.dialect.hint(text));
			}
			if (!Double.isFinite(v)) {
				throw LongTableBuilder.rowError(name(this.value), row.getStartingLineNumber(), id,
						"'" + text + "' is not a finite number (NaN and Infinity are not accepted)");
			}
			return v;
		}

		/**
		 * The field at {@code index}; refused when missing or holding a control
		 * character.
		 */
		String field(CsvRecord row, int index, String id) {
			if (index >= row.getFieldCount()) {
				throw LongTableBuilder.rowError(name(index), row.getStartingLineNumber(), id,
						"the row has " + row.getFieldCount() + " fields, so column " + name(index) + " is missing");
			}
			String text = row.getField(index);
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isISOControl(c) && c != '\t') {
					throw LongTableBuilder.rowError(name(index), row.getStartingLineNumber(), id, String
						.format(Locale.ROOT, "the field holds the control character U+%04X; remove it", (int) c));
				}
			}
			return text;
		}

	}

}
