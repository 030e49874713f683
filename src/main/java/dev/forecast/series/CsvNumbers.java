package dev.forecast.series;

/** What counts as a number in a CSV field (after {@link CsvDialect#number}). */
final class CsvNumbers {

	private CsvNumbers() {
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

}
