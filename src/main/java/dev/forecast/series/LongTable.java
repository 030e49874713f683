package dev.forecast.series;

import java.util.List;

/**
 * A long-format upload read into one series per id, in the order the ids first appear.
 *
 * @param members the series, one per id
 * @param rows the data rows read
 */
public record LongTable(List<Member> members, long rows) {

	/** The points of one id. */
	public record Member(String id, ParsedSeries series) {
	}

}
