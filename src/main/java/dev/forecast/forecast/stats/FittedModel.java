package dev.forecast.forecast.stats;

import java.util.Map;

/**
 * A classical statistical model (ETS, ARIMA, Theta) fitted to the whole of a series: it
 * forecasts from the end of the data it was fitted on. Plain Java, no Spring: the
 * {@code forecast} feature's forecasters wrap it.
 */
public interface FittedModel {

	/**
	 * The model as people name it, for example {@code ETS(M,Ad,M)} or
	 * {@code ARIMA(1,1,0)(0,1,0)[12]}.
	 */
	String name();

	/** Point forecasts for steps {@code 1..horizon} after the last fitted value. */
	double[] forecast(int horizon);

	/**
	 * The variance of the forecast error for steps {@code 1..horizon} (analytic where the
	 * model has one, an approximation otherwise); intervals are
	 * {@code forecast ± z * sqrt(variance)}.
	 */
	double[] forecastVariance(int horizon);

	/**
	 * The one-step in-sample fitted values, as long as the data ({@code NaN} where there
	 * is none).
	 */
	double[] fitted();

	/**
	 * The corrected Akaike information criterion, or {@code NaN} when the model has no
	 * likelihood.
	 */
	double aicc();

	/**
	 * The estimated parameters by name (for example alpha, beta, phi, ar1, ma1, drift),
	 * as responses show them.
	 */
	Map<String, Object> parameters();

}
