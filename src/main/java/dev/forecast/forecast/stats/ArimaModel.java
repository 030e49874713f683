package dev.forecast.forecast.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted seasonal ARIMA model: point forecasts from the Kalman filter's predicted
 * state, undone differencing, and forecast variances from the psi weights of the full
 * (differenced) model.
 */
final class ArimaModel implements FittedModel {

	/**
	 * What the constant regressor is: none, the mean (no differencing) or drift (one
	 * difference).
	 */
	enum Constant {

		NONE, MEAN, DRIFT

	}

	final ArimaOrder order;

	final Constant constant;

	/** ARMA coefficients in R's order: ar, ma, sar, sma. */
	final double[] coef;

	/** The mean or drift ({@code 0} with none). */
	final double beta;

	/** Weighted sum of squared innovations. */
	final double ssq;

	/** Innovation variance used for forecast intervals. */
	final double sigma2;

	/** {@code -2 log L}, {@code NaN} where none. */
	final double minusTwoLogLik;

	private final double[] y;

	private final double[] state;

	private final double[] innovations;

	ArimaModel(ArimaOrder order, Constant constant, double[] coef, double beta, double ssq, double sigma2,
			double minusTwoLogLik, double[] y, double[] state, double[] innovations) {
		this.order = order;
		this.constant = constant;
		this.coef = coef;
		this.beta = beta;
		this.ssq = ssq;
		this.sigma2 = sigma2;
		this.minusTwoLogLik = minusTwoLogLik;
		this.y = y;
		this.state = state;
		this.innovations = innovations;
	}

	/**
	 * The same model with the variance R's auto.arima reports:
	 * {@code ssq / (nstar - parameters)}.
	 */
	ArimaModel withUnbiasedVariance() {
		int denominator = nUsed() - parameterCount();
		double variance = denominator > 0 ? this.ssq / denominator : this.sigma2;
		return new ArimaModel(this.order, this.constant, this.coef, this.beta, this.ssq, variance, this.minusTwoLogLik,
				this.y, this.state, this.innovations);
	}

	/** Observations after differencing. */
	int nUsed() {
		return this.y.length - this.order.differencingLoss();
	}

	/** Estimated coefficients, the constant included (not the variance). */
	int parameterCount() {
		return this.coef.length + (this.constant == Constant.NONE ? 0 : 1);
	}

	/** The AIC, {@code NaN} without a likelihood. */
	double aic() {
		return this.minusTwoLogLik + 2 * (parameterCount() + 1);
	}

	@Override
	public double aicc() {
		int k = parameterCount() + 1;
		int denominator = nUsed() - k - 1;
		if (Double.isNaN(this.minusTwoLogLik)) {
			return Double.NaN;
		}
		return denominator > 0 ? aic() + 2.0 * k * (k + 1) / denominator : Double.POSITIVE_INFINITY;
	}

	@Override
	public String name() {
		String name = this.order.label();
		if (this.constant == Constant.DRIFT) {
			return name + " with drift";
		}
		if (this.constant == Constant.MEAN) {
			return name + " with non-zero mean";
		}
		return (this.order.differencingLoss() == 0) ? name + " with zero mean" : name;
	}

	@Override
	public double[] forecast(int horizon) {
		double[] phi = ArmaPolynomials.ar(this.coef, this.order);
		int r = this.state.length;
		double[] ph = Arrays.copyOf(phi, r);
		double[] a = this.state.clone();
		double shift = this.beta * regressor();
		double[] w = new double[horizon];
		for (int h = 0; h < horizon; h++) {
			double a0 = a[0];
			w[h] = a0 + shift;
			for (int i = 0; i < r - 1; i++) {
				a[i] = ph[i] * a0 + a[i + 1];
			}
			a[r - 1] = ph[r - 1] * a0;
		}
		return Differencing.integrate(this.y, w, Differencing.polynomial(this.order));
	}

	@Override
	public double[] forecastVariance(int horizon) {
		double[] phi = ArmaPolynomials.ar(this.coef, this.order);
		double[] theta = ArmaPolynomials.ma(this.coef, this.order);
		double[] delta = Differencing.polynomial(this.order);
		// 1 - sum full_k B^k = (1 - sum phi_k B^k)(1 - sum delta_k B^k)
		double[] full = new double[phi.length + delta.length];
		for (int i = 0; i <= phi.length; i++) {
			double a = i == 0 ? 1 : -phi[i - 1];
			for (int j = 0; j <= delta.length; j++) {
				double b = j == 0 ? 1 : -delta[j - 1];
				if (i + j > 0) {
					full[i + j - 1] -= a * b;
				}
			}
		}
		double[] psi = new double[horizon];
		double[] variance = new double[horizon];
		double sum = 0;
		for (int j = 0; j < horizon; j++) {
			double value = j == 0 ? 1 : (j <= theta.length ? theta[j - 1] : 0);
			for (int k = 1; k <= Math.min(j, full.length); k++) {
				value += full[k - 1] * psi[j - k];
			}
			psi[j] = value;
			sum += value * value;
			variance[j] = this.sigma2 * sum;
		}
		return variance;
	}

	@Override
	public double[] fitted() {
		double[] fitted = new double[this.y.length];
		int loss = this.order.differencingLoss();
		Arrays.fill(fitted, 0, Math.min(loss, fitted.length), Double.NaN);
		for (int t = loss; t < this.y.length; t++) {
			fitted[t] = this.y[t] - this.innovations[t - loss];
		}
		return fitted;
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		int i = 0;
		i = put(parameters, "ar", this.order.p(), i);
		i = put(parameters, "ma", this.order.q(), i);
		i = put(parameters, "sar", this.order.seasonalP(), i);
		put(parameters, "sma", this.order.seasonalQ(), i);
		if (this.constant == Constant.DRIFT) {
			parameters.put("drift", this.beta);
		}
		else if (this.constant == Constant.MEAN) {
			parameters.put("intercept", this.beta);
		}
		parameters.put("sigma2", this.sigma2);
		return parameters;
	}

	private int put(Map<String, Object> parameters, String prefix, int count, int from) {
		for (int k = 0; k < count; k++) {
			parameters.put(prefix + (k + 1), this.coef[from + k]);
		}
		return from + count;
	}

	/** The constant regressor's value on the differenced scale. */
	double regressor() {
		return regressor(this.constant, this.order);
	}

	static double regressor(Constant constant, ArimaOrder order) {
		if (constant == Constant.NONE) {
			return 0;
		}
		return order.seasonalD() > 0 ? order.period() : 1;
	}

	@Override
	public String toString() {
		return name() + " " + parameters();
	}

}
