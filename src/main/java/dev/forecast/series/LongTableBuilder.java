package dev.forecast.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.FieldProblem;

/**
 * Gathers the rows of a long table per id. Rows of one id may come in any order: each
 * id's points are sorted by time at the end, and a timestamp given twice for one id is an
 * error naming both lines and the id.
 */
final class LongTableBuilder {

	private final Map<String, Points> byId = new LinkedHashMap<>();

	private long rows;

	void add(String id, long time, double value, long line, boolean dateOnly) {
		this.byId.computeIfAbsent(id, k -> new Points()).add(time, value, line, dateOnly);
		this.rows++;
	}

	long rows() {
		return this.rows;
	}

	LongTable build(String timeColumn) {
		List<LongTable.Member> members = new ArrayList<>(this.byId.size());
		for (Map.Entry<String, Points> entry : this.byId.entrySet()) {
			members.add(new LongTable.Member(entry.getKey(), entry.getValue().build(entry.getKey(), timeColumn)));
		}
		return new LongTable(members, this.rows);
	}

	static BadRequestException rowError(String column, long line, String id, String message) {
		String where = "Line " + line + (id == null ? "" : " (id '" + id + "')") + ", column " + column;
		return new BadRequestException("Invalid CSV", where + ": " + message + ".", List
			.of(new FieldProblem(column, "line " + line + (id == null ? "" : ", id '" + id + "'") + ": " + message)));
	}

	/** The rows of one id as they came. */
	private static final class Points {

		private final ObservationsBuilder points = new ObservationsBuilder(16);

		private long[] lines = new long[16];

		private boolean sorted = true;

		private boolean dateOnly = true;

		void add(long time, double value, long line, boolean dateOnly) {
			int n = this.points.size();
			if (n > 0 && time <= this.points.lastTime()) {
				this.sorted = false;
			}
			if (n == this.lines.length) {
				this.lines = Arrays.copyOf(this.lines, n + (n >> 1));
			}
			this.lines[n] = line;
			this.points.add(time, value);
			this.dateOnly = this.dateOnly && dateOnly;
		}

		ParsedSeries build(String id, String timeColumn) {
			Observations read = this.points.build();
			if (this.sorted) {
				return new ParsedSeries(read, this.dateOnly);
			}
			int n = read.size();
			Integer[] order = new Integer[n];
			for (int i = 0; i < n; i++) {
				order[i] = i;
			}
			// stable: equal timestamps keep their line order, so the later line is named
			Arrays.sort(order, (a, b) -> Long.compare(read.times()[a], read.times()[b]));
			ObservationsBuilder out = new ObservationsBuilder(n);
			for (int k = 0; k < n; k++) {
				int i = order[k];
				if (k > 0 && read.times()[i] == out.lastTime()) {
					throw rowError(timeColumn, this.lines[i], id,
							"timestamp " + TimeFormat.format(read.times()[i], this.dateOnly)
									+ " repeats the one on line " + this.lines[order[k - 1]]
									+ "; each id may have a timestamp once");
				}
				out.add(read.times()[i], read.values()[i]);
			}
			return new ParsedSeries(out.build(), this.dateOnly);
		}

	}

}
