package dev.forecast.series;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forecast.error.BadRequestException;

/**
 * Reads a series from CSV as people have it: an optional header row, a leading unnamed
 * index column, quoted fields, CRLF line endings, a byte-order mark (UTF-8 or UTF-16),
 * comma, semicolon or tab delimiters, an Excel {@code sep=} line, decimal commas (see
 * {@link CsvDialect}). Unless told which columns to use, it takes the first column
 * holding timestamps and the last other column holding numbers ({@link CsvColumns}).
 * Every problem is reported with its line and column ({@link CsvProblems}).
 */
final class CsvSeriesParser {

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
			throw new BadRequestException(CsvProblems.TITLE,
					"The CSV could not be read: " + CsvProblems.rootMessage(ex) + ". " + dialect.describe());
		}
		catch (UncheckedIOException ex) {
			throw CsvProblems.unreadable(ex.getCause());
		}
		catch (IOException ex) {
			throw CsvProblems.unreadable(ex);
		}
	}

	private static ParsedSeries read(Iterator<CsvRecord> rows, String timeColumn, String valueColumn,
			CsvDialect dialect) {
		if (!rows.hasNext()) {
			throw new BadRequestException("Empty series",
					"The CSV is empty: send a header row and at least one " + "row of a timestamp and a value.");
		}
		CsvRecord first = rows.next();
		boolean header = CsvColumns.isHeader(first, dialect);
		List<String> names = header ? first.getFields() : CsvColumns.unnamed(first.getFieldCount());
		CsvRecord sample = header ? (rows.hasNext() ? rows.next() : null) : first;
		if (sample == null) {
			throw new BadRequestException("Empty series",
					"The CSV has a header row but no data rows. " + dialect.describe());
		}
		CsvColumns columns = CsvColumns.choose(sample, names, timeColumn, valueColumn, dialect);
		int time = columns.time();
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
					throw CsvProblems.rowError(columns.timeName(), line, "timestamp " + row.getField(time).trim()
							+ " repeats the one on line " + previousLine + "; each timestamp may appear once");
				}
				if (t < last) {
					throw CsvProblems.rowError(columns.timeName(), line, "timestamp " + row.getField(time).trim()
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

}
