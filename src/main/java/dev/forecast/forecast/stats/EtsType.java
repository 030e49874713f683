package dev.forecast.forecast.stats;

/**
 * One member of the exponential smoothing family: error {@code A}/{@code M}, trend
 * {@code N}/{@code A}/{@code M} (possibly damped), season {@code N}/{@code A}/{@code M}.
 *
 * @param error the error type
 * @param trend the trend type
 * @param damped whether the trend is damped
 * @param season the season type
 */
record EtsType(char error, char trend, boolean damped, char season) {

	boolean hasTrend() {
		return this.trend != 'N';
	}

	boolean hasSeason() {
		return this.season != 'N';
	}

	/** Smoothing parameters: alpha, then beta, gamma and phi when the form has them. */
	int smoothingCount() {
		return 1 + (hasTrend() ? 1 : 0) + (hasSeason() ? 1 : 0) + (this.damped ? 1 : 0);
	}

	/**
	 * Whether R's {@code restrict = TRUE} forbids this form (infinite forecast variance).
	 */
	boolean forbidden() {
		return (this.error == 'A' && (this.trend == 'M' || this.season == 'M'))
				|| (this.error == 'M' && this.trend == 'M' && this.season == 'A');
	}

	/** Whether the form needs strictly positive data. */
	boolean multiplicative() {
		return this.error == 'M' || this.trend == 'M' || this.season == 'M';
	}

	/** The conventional name, for example {@code ETS(M,Ad,M)}. */
	String label() {
		return "ETS(" + this.error + "," + this.trend + (this.damped ? "d" : "") + "," + this.season + ")";
	}

}
