package dev.forecast.forecast.stats;

/**
 * The automatic choice of R's {@code forecast::ets}: every form the request allows is
 * fitted and the one with the smallest AICc kept.
 */
final class EtsSelection {

	private EtsSelection() {
	}

	/** The best allowed form, or {@code null} when none could be fitted. */
	static EtsFit best(double[] y, int m, EtsSpec spec, boolean positive, EtsEstimator estimator) {
		char[] errors = (spec.error() == 'Z') ? new char[] { 'A', 'M' } : new char[] { spec.error() };
		char[] trends = (spec.trend() == 'Z') ? new char[] { 'N', 'A' } : new char[] { spec.trend() };
		char[] seasons = (spec.season() == 'Z') ? new char[] { 'N', 'A', 'M' } : new char[] { spec.season() };
		boolean[] dampings = (spec.damped() == null) ? new boolean[] { true, false } : new boolean[] { spec.damped() };
		EtsFit best = null;
		for (char error : errors) {
			for (char trend : trends) {
				for (char season : seasons) {
					for (boolean damped : dampings) {
						EtsType type = new EtsType(error, trend, damped, season);
						if ((trend == 'N' && damped) || type.forbidden() || (!positive && type.multiplicative())) {
							continue;
						}
						EtsFit fit = estimator.fit(y, type, m);
						if (fit != null && !Double.isNaN(fit.aicc()) && (best == null || fit.aicc() < best.aicc())) {
							best = fit;
						}
					}
				}
			}
		}
		return best;
	}

}
