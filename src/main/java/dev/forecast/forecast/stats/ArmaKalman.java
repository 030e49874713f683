package dev.forecast.forecast.stats;

/**
 * The exact Gaussian likelihood of a stationary ARMA model of a (differenced) series, by
 * a Kalman filter on Harvey's state-space form started from the stationary state
 * covariance. The likelihood of the differenced series is the diffuse likelihood of the
 * ARIMA model, as R's {@code arima} computes it. An optional constant regressor (a mean,
 * or drift after differencing) is concentrated out by generalized least squares: its
 * coefficient {@link #beta} is exact for the given ARMA coefficients. The state
 * covariance is never formed: the Chandrasekhar recursions (Morf, Sidhu and Kailath 1974)
 * update the gain through the covariance's rank-one change, so a step costs O(r), and
 * once the gain has converged only the state is updated. Innovation variance is scaled to
 * 1 (concentrated out).
 */
final class ArmaKalman {

	/** The size of the covariance's change below which the gain counts as converged. */
	private static final double STEADY = 1e-9;

	private final double[] w;

	private final double c;

	/** Weighted sum of squared innovations after the regressor. */
	double ssq;

	/** Sum of the logs of the innovation variances. */
	double sumLog;

	/** The regressor's coefficient (0 without one). */
	double beta;

	/**
	 * After a run that keeps them: the state predicted for the step after the end, less
	 * the regressor.
	 */
	double[] state;

	/**
	 * After a run that keeps them: the one-step innovations of the series less the
	 * regressor.
	 */
	double[] innovations;

	private final double[] v;

	private final double[] vx;

	private final double[] variances;

	/**
	 * @param w the differenced series
	 * @param c the regressor's (constant) value on the differenced scale, 0 for none
	 */
	ArmaKalman(double[] w, double c) {
		this.w = w;
		this.c = c;
		this.v = new double[w.length];
		this.vx = new double[w.length];
		this.variances = new double[w.length];
	}

	/**
	 * Writes the last run's innovations, regressor taken out, standardized and scaled by
	 * the geometric mean of their variances: their sum of squares is
	 * {@code ssq * exp(sumLog / n)}, which the exact likelihood decreases with
	 * (Levenberg-Marquardt minimizes it).
	 */
	boolean scaledResiduals(double[] out) {
		int n = this.w.length;
		double scale = Math.exp(this.sumLog / (2.0 * n));
		for (int t = 0; t < n; t++) {
			out[t] = (this.v[t] - this.beta * this.vx[t]) / Math.sqrt(this.variances[t]) * scale;
		}
		return true;
	}

	int length() {
		return this.w.length;
	}

	/** {@code -2 log L} at the concentrated innovation variance {@code ssq / n}. */
	double minusTwoLogLikelihood() {
		int n = this.w.length;
		return n * Math.log(this.ssq / n) + this.sumLog + n + n * Math.log(2 * Math.PI);
	}

	/** Runs the filter; false when the model gives no finite likelihood. */
	boolean run(double[] phi, double[] theta, boolean keep) {
		int p = phi.length;
		int q = theta.length;
		int r = Math.max(p, q + 1);
		double[] ph = new double[r];
		System.arraycopy(phi, 0, ph, 0, p);
		double[] rr = new double[r];
		rr[0] = 1;
		System.arraycopy(theta, 0, rr, 1, q);
		double[] row = new double[r];
		if (!ArmaStationaryCovariance.stationaryCovariance(ph, p, rr, q, r, row)) {
			return false;
		}
		// Chandrasekhar recursions: gain kb = T P Z', and the rank-one change of P, w m
		// w'
		double[] kb = new double[r];
		double[] dw = new double[r];
		double[] tw = new double[r];
		double[] a = new double[r];
		double[] ax = new double[r];
		for (int i = 0; i < r; i++) {
			kb[i] = ph[i] * row[0] + (i + 1 < r ? row[i + 1] : 0);
			dw[i] = kb[i];
		}
		double f = row[0];
		double m = -1 / f;
		int n = this.w.length;
		double[] v = this.v;
		double[] vx = this.vx;
		double sww = 0;
		double swx = 0;
		double sxx = 0;
		double sumlog = 0;
		boolean steady = false;
		for (int t = 0; t < n; t++) {
			if (!(f > 0) || f > 1e12) {
				return false;
			}
			double vt = this.w[t] - a[0];
			double vxt = this.c - ax[0];
			v[t] = vt;
			vx[t] = vxt;
			this.variances[t] = f;
			sww += vt * vt / f;
			swx += vt * vxt / f;
			sxx += vxt * vxt / f;
			sumlog += Math.log(f);
			// a <- T a + kb v / f
			double ka = vt / f;
			double kx = vxt / f;
			double a0 = a[0];
			double ax0 = ax[0];
			for (int i = 0; i < r - 1; i++) {
				a[i] = ph[i] * a0 + a[i + 1] + kb[i] * ka;
				ax[i] = ph[i] * ax0 + ax[i + 1] + kb[i] * kx;
			}
			a[r - 1] = ph[r - 1] * a0 + kb[r - 1] * ka;
			ax[r - 1] = ph[r - 1] * ax0 + kb[r - 1] * kx;
			if (steady) {
				continue;
			}
			double g = dw[0];
			double mg = m * g;
			double fNext = f + mg * g;
			for (int i = 0; i < r - 1; i++) {
				tw[i] = ph[i] * g + dw[i + 1];
			}
			tw[r - 1] = ph[r - 1] * g;
			double change = 0;
			for (int i = 0; i < r; i++) {
				kb[i] += tw[i] * mg;
				dw[i] = tw[i] - kb[i] * g / fNext;
				change += dw[i] * dw[i];
			}
			m = m * fNext / f;
			f = fNext;
			steady = Math.abs(m) * change < STEADY;
		}
		this.beta = (this.c != 0 && sxx > 0) ? swx / sxx : 0;
		this.ssq = sww - this.beta * swx;
		this.sumLog = sumlog;
		if (keep) {
			this.innovations = new double[n];
			for (int t = 0; t < n; t++) {
				this.innovations[t] = v[t] - this.beta * vx[t];
			}
			this.state = new double[r];
			for (int i = 0; i < r; i++) {
				this.state[i] = a[i] - this.beta * ax[i];
			}
		}
		return this.ssq > 0 && Double.isFinite(this.ssq) && Double.isFinite(sumlog);
	}

}
