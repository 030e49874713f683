package dev.forecast.forecast.stats;

/**
 * R's answer for series too short for maximum likelihood (no more than four observations
 * beyond the parameter count): a Holt-Winters fit of the requested shape
 * ({@link EtsSmallSample}), and when the shape is left open, the better of Holt's linear
 * method and simple exponential smoothing by their one-step error variance.
 */
final class EtsShortSeries {

	private EtsShortSeries() {
	}

	static EtsFit fit(double[] y, int m, EtsSpec spec) {
		char trend = spec.trend();
		char season = spec.season();
		if (season == 'A' || season == 'M') {
			EtsFit fit = EtsSmallSample.fit(y, m, (trend == 'M') ? 'M' : 'A', season, Double.NaN);
			if (fit != null) {
				return fit;
			}
		}
		if (trend == 'A' || trend == 'M') {
			EtsFit fit = EtsSmallSample.fit(y, m, trend, 'N', Double.NaN);
			if (fit != null) {
				return fit;
			}
		}
		EtsFit level = EtsSmallSample.fit(y, m, 'N', 'N', Double.NaN);
		if (trend == 'N' && season == 'N') {
			return level;
		}
		EtsFit holt = EtsSmallSample.fit(y, m, (trend == 'M') ? 'M' : 'A', 'N', Double.NaN);
		if (holt != null && (level == null || holt.sigma2() < level.sigma2())) {
			return holt;
		}
		if (level == null) {
			throw new IllegalArgumentException("Unable to estimate an ETS model for this series");
		}
		return level;
	}

}
