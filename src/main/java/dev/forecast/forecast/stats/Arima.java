package dev.forecast.forecast.stats;

import dev.forecast.forecast.stats.ArimaModel.Constant;

/**
 * Fits a seasonal ARIMA model of given orders as R's {@code arima} does with its default
 * method "CSS-ML": a conditional-sum-of-squares fit gives the starting point (and must be
 * stationary), then the exact likelihood of the differenced series (a Kalman filter) is
 * maximized with the autoregressive part kept stationary. Both are minimized as sums of
 * squares (Levenberg-Marquardt). A mean is included when there is no differencing, a
 * drift on request when there is one difference (seasonal or not), as R's
 * {@code forecast::Arima}.
 */
public final class Arima {

	/** Levenberg-Marquardt iterations at most, for each of the two fits. */
	private static final int MAX_ITERATIONS = 100;

	private Arima() {
	}

	/**
	 * Fits the model of the given orders to {@code y} by maximum likelihood. The
	 * innovation variance is R's {@code forecast::Arima} one: squared innovations over
	 * {@code n - d - D m} less the number of coefficients.
	 * @param y the series, oldest first
	 * @param order the orders and the period
	 * @param drift whether to include a drift (only with exactly one difference, as R)
	 * @return the fitted model
	 * @throws IllegalArgumentException when the series is too short for the model or the
	 * fit fails
	 */
	public static FittedModel fit(double[] y, ArimaOrder order, boolean drift) {
		int diffs = order.d() + order.seasonalD();
		Constant constant = (diffs == 0) ? Constant.MEAN : (drift && diffs == 1) ? Constant.DRIFT : Constant.NONE;
		if (y.length - order.differencingLoss() < order.armaCount() + 1) {
			throw new IllegalArgumentException(order.label() + " needs more than " + y.length + " observations");
		}
		ArimaModel model = estimate(y, order, constant, false);
		if (model == null) {
			throw new IllegalArgumentException(order.label() + " could not be fitted to this series");
		}
		return model.withUnbiasedVariance();
	}

	/**
	 * Estimates the model, by CSS then ML, or by CSS alone (then the model has no
	 * likelihood and cannot forecast: it serves to compare models).
	 * @return the model, or {@code null} when it cannot be fitted (as R's arima fails)
	 */
	static ArimaModel estimate(double[] y, ArimaOrder order, Constant constant, boolean cssOnly) {
		double[] w = Differencing.apply(y, order);
		int k = order.armaCount();
		if (w.length == 0) {
			return null;
		}
		double c = ArimaModel.regressor(constant, order);
		ArmaCss css = new ArmaCss(w, c);
		double[] coef = new double[k];
		int conditioned = order.p() + order.seasonalP() * order.period();
		if (w.length <= conditioned) {
			return null;
		}
		coef = Minimizer.minimize(
				(x, out) -> css.run(ArmaPolynomials.ar(x, order), ArmaPolynomials.ma(x, order)) && css.residuals(out),
				w.length - conditioned, coef, MAX_ITERATIONS);
		if (!stationary(coef, order)) {
			return null;
		}
		if (cssOnly) {
			if (!css.run(ArmaPolynomials.ar(coef, order), ArmaPolynomials.ma(coef, order))) {
				return null;
			}
			return new ArimaModel(order, constant, coef, css.beta, css.ssq, css.ssq / css.count, Double.NaN, y, null,
					null);
		}
		ArmaKalman kalman = new ArmaKalman(w, c);
		double[] start = unconstrained(coef, order);
		double[] best = Minimizer.minimize((x, out) -> {
			double[] trial = constrained(x, order);
			return kalman.run(ArmaPolynomials.ar(trial, order), ArmaPolynomials.ma(trial, order), false)
					&& kalman.scaledResiduals(out);
		}, w.length, start, MAX_ITERATIONS);
		double[] estimate = constrained(best, order);
		ArmaPolynomials.invertMa(estimate, order.p(), order.q());
		ArmaPolynomials.invertMa(estimate, order.p() + order.q() + order.seasonalP(), order.seasonalQ());
		if (!kalman.run(ArmaPolynomials.ar(estimate, order), ArmaPolynomials.ma(estimate, order), true)) {
			return null;
		}
		return new ArimaModel(order, constant, estimate, kalman.beta, kalman.ssq, kalman.ssq / w.length,
				kalman.minusTwoLogLikelihood(), y, kalman.state, kalman.innovations);
	}

	/**
	 * A model with no ARMA part and a fixed constant (R's {@code fixed=}), for series
	 * whose differences are constant: residual variance from what is left.
	 */
	static ArimaModel fixed(double[] y, ArimaOrder order, Constant constant, double beta) {
		double[] w = Differencing.apply(y, order);
		double c = ArimaModel.regressor(constant, order);
		double[] innovations = new double[w.length];
		double ssq = 0;
		for (int t = 0; t < w.length; t++) {
			innovations[t] = w[t] - beta * c;
			ssq += innovations[t] * innovations[t];
		}
		double[] state = { 0 };
		return new ArimaModel(order, constant, new double[0], beta, ssq, w.length > 0 ? ssq / w.length : 0, Double.NaN,
				y, state, innovations);
	}

	private static boolean stationary(double[] coef, ArimaOrder order) {
		return (order.p() == 0 || ArmaPolynomials.stationary(coef, 0, order.p())) && (order.seasonalP() == 0
				|| ArmaPolynomials.stationary(coef, order.p() + order.q(), order.seasonalP()));
	}

	/** AR parts to partial-autocorrelation space, MA parts made invertible. */
	private static double[] unconstrained(double[] coef, ArimaOrder order) {
		double[] out = coef.clone();
		int sp = order.p() + order.q();
		ArmaPolynomials.fromStationary(coef, 0, order.p(), out);
		ArmaPolynomials.fromStationary(coef, sp, order.seasonalP(), out);
		ArmaPolynomials.invertMa(out, order.p(), order.q());
		ArmaPolynomials.invertMa(out, sp + order.seasonalP(), order.seasonalQ());
		return out;
	}

	private static double[] constrained(double[] raw, ArimaOrder order) {
		double[] out = raw.clone();
		ArmaPolynomials.toStationary(raw, 0, order.p(), out);
		ArmaPolynomials.toStationary(raw, order.p() + order.q(), order.seasonalP(), out);
		return out;
	}

}
