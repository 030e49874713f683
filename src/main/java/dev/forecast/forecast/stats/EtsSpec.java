package dev.forecast.forecast.stats;

import java.util.Locale;

/**
 * A requested form, as R's {@code model=} string plus damping: each letter may be
 * {@code Z} (choose); {@code damped} is {@code null} when both damped and undamped trends
 * are to be tried.
 *
 * @param error {@code A}, {@code M} or {@code Z}
 * @param trend {@code N}, {@code A}, {@code M} or {@code Z}
 * @param damped whether the trend is damped, {@code null} to choose
 * @param season {@code N}, {@code A}, {@code M} or {@code Z}
 */
record EtsSpec(char error, char trend, Boolean damped, char season) {

	/**
	 * Parses {@code "ZZZ"}, {@code "MAdM"}, {@code "ANN"} and the like; {@code null}
	 * means {@code "ZZZ"}.
	 */
	static EtsSpec parse(String spec) {
		String text = (spec == null || spec.isBlank()) ? "ZZZ" : spec.trim();
		boolean dampedLetter = text.length() == 4 && (text.charAt(2) == 'd' || text.charAt(2) == 'D');
		String letters = dampedLetter ? text.substring(0, 2) + text.charAt(3) : text;
		letters = letters.toUpperCase(Locale.ROOT);
		if (letters.length() != 3 || "AMZ".indexOf(letters.charAt(0)) < 0 || "NAMZ".indexOf(letters.charAt(1)) < 0
				|| "NAMZ".indexOf(letters.charAt(2)) < 0) {
			throw new IllegalArgumentException("Unknown ETS form '" + spec
					+ "': expected error A/M/Z, trend N/A/Ad/M/Md/Z, season N/A/M/Z, for example MAdM or ZZZ");
		}
		char trend = letters.charAt(1);
		if (dampedLetter && (trend == 'N' || trend == 'Z')) {
			throw new IllegalArgumentException("Unknown ETS form '" + spec + "': only an A or M trend can be damped");
		}
		Boolean damped = (trend == 'Z') ? null : Boolean.valueOf(dampedLetter);
		return new EtsSpec(letters.charAt(0), trend, damped, letters.charAt(2));
	}

	boolean automatic() {
		return this.error == 'Z' && this.trend == 'Z' && this.season == 'Z';
	}

	/** Whether a fully given form is one R forbids with {@code restrict = TRUE}. */
	boolean forbidden() {
		return (this.error == 'A' && (this.trend == 'M' || this.season == 'M'))
				|| (this.error == 'M' && this.trend == 'M' && this.season == 'A');
	}

	@Override
	public String toString() {
		return "" + this.error + this.trend + (Boolean.TRUE.equals(this.damped) ? "d" : "") + this.season;
	}

}
