package dev.forecast.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * The M3 competition's files as {@code ../shared/data/m3/SOURCES.md} describes them:
 * {@code m3.csv} (one row per observation, the training and test parts of 3003 series)
 * and {@code m3_participants.csv} (the competitors' submitted forecasts).
 */
final class M3Data {

	/**
	 * The competition's periods, in the order the tables show them ({@code ALL} is not
	 * one of them).
	 */
	static final List<String> PERIODS = List.of("YEARLY", "QUARTERLY", "MONTHLY", "OTHER");

	private M3Data() {
	}

	/**
	 * One series: its training part ({@code n} values), its test part ({@code h} values),
	 * its frequency (1, 4 or 12) and its first observation's year and cycle as published
	 * (year 1: unknown).
	 */
	record Series(String id, String period, int frequency, int startYear, int startCycle, double[] train,
			double[] test) {

		int horizon() {
			return this.test.length;
		}

		/**
		 * The API's frequency code: yearly for the yearly and "other" series (frequency
		 * 1), quarterly or monthly.
		 */
		String calendar() {
			return switch (this.frequency) {
				case 4 -> "QUARTERLY";
				case 12 -> "MONTHLY";
				default -> "YEARLY";
			};
		}

		/**
		 * The first observation's date on that calendar: the published year and quarter
		 * or month, or 2000 when the year is unknown (any calendar of the frequency will
		 * do, says SOURCES.md).
		 */
		String start() {
			int year = this.startYear < 1000 ? 2000 : this.startYear;
			int month = switch (this.frequency) {
				case 4 -> 3 * (this.startCycle - 1) + 1;
				case 12 -> this.startCycle;
				default -> 1;
			};
			return String.format("%04d-%02d-01", year, month);
		}

	}

	/** Every series of {@code m3.csv}, in file order (N0001 first). */
	static List<Series> series(Path file) throws IOException {
		Map<String, Builder> byId = new LinkedHashMap<>();
		try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file)) {
			for (NamedCsvRecord row : reader) {
				String id = row.getField("id");
				Builder series = byId.computeIfAbsent(id, key -> new Builder(key, row));
				int step = Integer.parseInt(row.getField("step"));
				double value = Double.parseDouble(row.getField("value"));
				if (row.getField("part").equals("train")) {
					series.train[step - 1] = value;
				}
				else {
					series.test[step - 1 - series.train.length] = value;
				}
			}
		}
		List<Series> all = new ArrayList<>(byId.size());
		byId.values().forEach(builder -> all.add(builder.build()));
		return all;
	}

	/** The participants' forecasts: method, then series id, then steps 1..h. */
	static Map<String, Map<String, double[]>> participants(Path file, Map<String, Series> series) throws IOException {
		Map<String, Map<String, double[]>> forecasts = new LinkedHashMap<>();
		try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file)) {
			for (NamedCsvRecord row : reader) {
				String id = row.getField("id");
				Series one = series.get(id);
				if (one == null) {
					continue;
				}
				double[] steps = forecasts.computeIfAbsent(row.getField("method"), key -> new LinkedHashMap<>())
					.computeIfAbsent(id, key -> new double[one.horizon()]);
				steps[Integer.parseInt(row.getField("step")) - 1] = Double.parseDouble(row.getField("forecast"));
			}
		}
		return forecasts;
	}

	private static final class Builder {

		private final String id;

		private final String period;

		private final int frequency;

		private final int startYear;

		private final int startCycle;

		private final double[] train;

		private final double[] test;

		Builder(String id, NamedCsvRecord first) {
			this.id = id;
			this.period = first.getField("period");
			this.frequency = Integer.parseInt(first.getField("frequency"));
			this.startYear = Integer.parseInt(first.getField("start_year"));
			this.startCycle = Integer.parseInt(first.getField("start_cycle"));
			this.train = new double[Integer.parseInt(first.getField("n"))];
			this.test = new double[Integer.parseInt(first.getField("h"))];
		}

		Series build() {
			return new Series(this.id, this.period, this.frequency, this.startYear, this.startCycle, this.train,
					this.test);
		}

	}

}
