package dev.forecast.forecast.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential smoothing state space models (Hyndman, Koehler, Snyder and Grose 2002;
 * Hyndman and Khandakar 2008) as R's {@code forecast::ets} fits them: parameters and
 * initial states by maximum likelihood within the usual and admissible bounds, the form
 * chosen by AICc.
 * <p>
 * A form is written as R's {@code model=} argument: error ({@code A}, {@code M}), trend
 * ({@code N}, {@code A}, {@code Ad}, {@code M}, {@code Md}) and season ({@code N},
 * {@code A}, {@code M}), any of them {@code Z} to let the criterion choose, for example
 * {@code "MAdM"}, {@code "ANN"} or {@code "ZZN"}. With {@code Z}, R's defaults apply: no
 * additive error with a multiplicative component, no multiplicative trend, damped and
 * undamped trends both tried, multiplicative forms only for strictly positive data. A
 * trend letter given explicitly is damped only when followed by {@code d}.
 */
public final class Ets {

	static final int MAX_PERIOD = 24;

	private static final int MAX_EVALUATIONS = 2000;

	private Ets() {
	}

	/**
	 * Fits an exponential smoothing model.
	 * @param y the observations, oldest first, all finite
	 * @param period the seasonal period (1 for none; over 24 falls back to non-seasonal)
	 * @param spec the form, {@code null} or {@code "ZZZ"} for automatic selection
	 * @return the fitted model
	 * @throws IllegalArgumentException for an unknown form, a form the data cannot take
	 * (for example multiplicative errors on data that are not all positive) or an empty
	 * series
	 */
	public static FittedModel fit(double[] y, int period, String spec) {
		if (y == null || y.length == 0) {
			throw new IllegalArgumentException("ETS needs at least one observation");
		}
		for (double v : y) {
			if (!Double.isFinite(v)) {
				throw new IllegalArgumentException("ETS needs finite observations, without gaps");
			}
		}
		EtsSpec request = EtsSpec.parse(spec);
		Map<String, String> notes = new LinkedHashMap<>();
		int m = Math.max(1, period);
		char season = request.season();
		if (m == 1 && (season == 'A' || season == 'M')) {
			throw new IllegalArgumentException("A seasonal form (" + request + ") needs a seasonal period over 1");
		}
		if (m > MAX_PERIOD && season != 'N') {
			notes.put("seasonNote", "period " + m + " is over " + MAX_PERIOD + ": fitted without a season");
			season = 'N';
		}
		else if (m > 1 && y.length <= m && season != 'N') {
			notes.put("seasonNote",
					y.length + " observations are not more than the period " + m + ": fitted without a season");
			season = 'N';
		}
		EtsSpec wanted = new EtsSpec(request.error(), request.trend(), request.damped(), season);
		if (wanted.forbidden()) {
			throw new IllegalArgumentException("ETS" + wanted + " is a forbidden combination (infinite variance)");
		}
		boolean positive = true;
		boolean constant = true;
		for (double v : y) {
			positive &= v > 0;
			constant &= v == y[0];
		}
		if (!positive && (wanted.error() == 'M' || wanted.trend() == 'M' || wanted.season() == 'M')) {
			throw new IllegalArgumentException("A multiplicative form (" + wanted + ") needs strictly positive data");
		}
		if (constant && request.automatic()) {
			notes.put("note", "constant series: simple exponential smoothing");
			return new EtsModel(EtsSmallSample.fit(y, 1, 'N', 'N', 0.99999), notes);
		}
		int npars = 2 + (wanted.trend() == 'A' || wanted.trend() == 'M' ? 2 : 0)
				+ (season == 'A' || season == 'M' ? m : 0) + (Boolean.TRUE.equals(wanted.damped()) ? 1 : 0);
		if (y.length <= npars + 4) {
			return new EtsModel(EtsShortSeries.fit(y, m, wanted), notes);
		}
		EtsFit best = EtsSelection.best(y, m, wanted, positive, new EtsEstimator(MAX_EVALUATIONS));
		if (best == null) {
			notes.put("note", "no state space form could be estimated: Holt-Winters fallback");
			return new EtsModel(EtsShortSeries.fit(y, m, wanted), notes);
		}
		return new EtsModel(best, notes);
	}

}
