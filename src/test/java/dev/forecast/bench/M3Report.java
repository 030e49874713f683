package dev.forecast.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints {@code bench/m3.sh}'s table: the service's methods and the competition's
 * participants in one Markdown table sorted by the sMAPE over all series, then the wall
 * times, failures and methods the service does not know.
 */
final class M3Report {

	private static final String SERVICE = "service ";

	private static final int FIRST_ERRORS = 3;

	private final int series;

	private final int clients;

	M3Report(int series, int clients) {
		this.series = series;
		this.clients = clients;
	}

	/** The number of series per period, as {@code YEARLY 645, QUARTERLY 756, ...}. */
	static String counts(List<M3Data.Series> series) {
		Map<String, Long> counts = series.stream()
			.collect(Collectors.groupingBy(M3Data.Series::period, LinkedHashMap::new, Collectors.counting()));
		return M3Data.PERIODS.stream()
			.filter(counts::containsKey)
			.map(p -> p + " " + counts.get(p))
			.collect(Collectors.joining(", "));
	}

	/**
	 * One line of the table: a name, its scores and, for the service's methods, the run.
	 */
	record Row(String name, SmapeTable scores, M3Benchmark.Run run) {
	}

	/** The rows sorted by the sMAPE over all series (lowest first). */
	static List<Row> rows(List<M3Benchmark.Run> runs, Map<String, SmapeTable> participants) {
		List<Row> rows = new ArrayList<>();
		runs.forEach(run -> rows.add(new Row(SERVICE + run.method(), run.scores(), run)));
		participants.forEach((name, scores) -> rows.add(new Row(name, scores, null)));
		rows.sort(Comparator.comparingDouble((Row row) -> {
			double all = row.scores().mean(SmapeTable.ALL);
			return Double.isNaN(all) ? Double.MAX_VALUE : all;
		}));
		return rows;
	}

	void print(PrintStream out, List<M3Benchmark.Run> runs, Map<String, SmapeTable> participants,
			Map<String, String> unavailable) {
		out.println();
		out.printf(
				"sMAPE (%%) on %d M3 series, mean over the series each method forecast; participants from "
						+ "m3_participants.csv; wall time of all forecasts with %d clients%n%n",
				this.series, this.clients);
		List<String> header = new ArrayList<>(List.of("method", SmapeTable.ALL));
		header.addAll(M3Data.PERIODS);
		header.addAll(List.of("series", "wall s", "failed"));
		List<List<String>> table = new ArrayList<>();
		table.add(header);
		for (Row row : rows(runs, participants)) {
			List<String> cells = new ArrayList<>();
			cells.add(row.run() == null ? row.name() : "**" + row.name() + "**");
			cells.add(score(row.scores(), SmapeTable.ALL));
			M3Data.PERIODS.forEach(p -> cells.add(score(row.scores(), p)));
			cells.add(Integer.toString(row.scores().count(SmapeTable.ALL)));
			cells.add(row.run() == null ? "" : String.format(Locale.ROOT, "%.1f", row.run().seconds()));
			cells.add(row.run() == null ? "" : Integer.toString(row.run().failures().size()));
			table.add(cells);
		}
		markdown(out, table);
		out.println();
		for (M3Benchmark.Run run : runs) {
			out.printf(Locale.ROOT, "%s: %d series in %.1f s (%.0f forecasts/s), %d failed%n", run.method(),
					this.series, run.seconds(), this.series / run.seconds(), run.failures().size());
			run.failures()
				.entrySet()
				.stream()
				.limit(FIRST_ERRORS)
				.forEach(e -> out.printf("  %s: %s%n", e.getKey(), e.getValue()));
		}
		unavailable
			.forEach((method, error) -> out.printf("%s: not available (the service answered %s)%n", method, error));
	}

	private static String score(SmapeTable scores, String period) {
		double mean = scores.mean(period);
		return Double.isNaN(mean) ? "-" : String.format(Locale.ROOT, "%.2f", mean);
	}

	private static void markdown(PrintStream out, List<List<String>> table) {
		int[] widths = new int[table.get(0).size()];
		for (List<String> row : table) {
			for (int c = 0; c < widths.length; c++) {
				widths[c] = Math.max(widths[c], row.get(c).length());
			}
		}
		for (int r = 0; r < table.size(); r++) {
			StringBuilder line = new StringBuilder("|");
			for (int c = 0; c < widths.length; c++) {
				String cell = table.get(r).get(c);
				line.append(' ').append(c == 0 ? pad(cell, widths[c], false) : pad(cell, widths[c], true)).append(" |");
			}
			out.println(line);
			if (r == 0) {
				StringBuilder rule = new StringBuilder("|");
				for (int c = 0; c < widths.length; c++) {
					rule.append(' ').append("-".repeat(widths[c] - 1)).append(c == 0 ? "-" : ":").append(" |");
				}
				out.println(rule);
			}
		}
	}

	private static String pad(String text, int width, boolean right) {
		String fill = " ".repeat(width - text.length());
		return right ? fill + text : text + fill;
	}

}
