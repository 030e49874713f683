package dev.forecast.forecast.stats;

/**
 * One form fitted to a series: its parameters, states and in-sample fit.
 *
 * @param type the form
 * @param m the seasonal period the states use (1 without a season)
 * @param alpha level smoothing
 * @param beta slope smoothing (0 without a trend)
 * @param gamma season smoothing (0 without a season)
 * @param phi damping (1 when undamped)
 * @param initial the initial states {@code [level, slope?, s_0 .. s_(m-1)]}
 * @param last the states after the last observation
 * @param fitted the one-step in-sample forecasts
 * @param sigma2 the variance of the errors (relative errors for multiplicative ones)
 * @param aicc the corrected Akaike criterion ({@code NaN} for the small-sample fallback)
 * @param method how it was estimated
 */
record EtsFit(EtsType type, int m, double alpha, double beta, double gamma, double phi, double[] initial, double[] last,
		double[] fitted, double sigma2, double aicc, String method) {

}
