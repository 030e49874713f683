package dev.forecast.forecast.stats;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

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
		if (!stationaryCovariance(ph, p, rr, q, r, row)) {
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

	/**
	 * The first row of the state's stationary covariance, {@code cov(y_t, a_t[j])}, from
	 * the process's autocovariances and psi weights (innovation variance 1).
	 */
	static boolean stationaryCovariance(double[] ph, int p, double[] rr, int q, int r, double[] out) {
		double[] psi = new double[r + 1];
		psi[0] = 1;
		for (int j = 1; j <= r; j++) {
			double s = j <= q ? rr[j] : 0;
			for (int i = 1; i <= Math.min(j, p); i++) {
				s += ph[i - 1] * psi[j - i];
			}
			psi[j] = s;
		}
		double[] rhs = new double[r + 1];
		for (int k = 0; k <= q; k++) {
			for (int j = k; j <= q; j++) {
				rhs[k] += rr[j] * psi[j - k];
			}
		}
		double[] gamma = new double[r + 1];
		if (p == 0) {
			System.arraycopy(rhs, 0, gamma, 0, r + 1);
		}
		else {
			double[][] m = new double[p + 1][p + 1];
			double[] b = new double[p + 1];
			for (int k = 0; k <= p; k++) {
				m[k][k] += 1;
				for (int i = 1; i <= p; i++) {
					m[k][Math.abs(k - i)] -= ph[i - 1];
				}
				b[k] = rhs[k];
			}
			try {
				double[] g = new LUDecomposition(new Array2DRowRealMatrix(m, false), 1e-14).getSolver()
					.solve(new ArrayRealVector(b, false))
					.toArray();
				System.arraycopy(g, 0, gamma, 0, p + 1);
			}
			catch (MathRuntimeException ex) {
				return false;
			}
			for (int k = p + 1; k <= r; k++) {
				double s = rhs[k];
				for (int i = 1; i <= p; i++) {
					s += ph[i - 1] * gamma[k - i];
				}
				gamma[k] = s;
			}
		}
		if (!(gamma[0] > 0) || !Double.isFinite(gamma[0])) {
			return false;
		}
		out[0] = gamma[0];
		for (int j = 1; j < r; j++) {
			double s = 0;
			for (int k = j; k < r; k++) {
				s += ph[k] * gamma[k - j + 1] + rr[k] * psi[k - j];
			}
			out[j] = s;
		}
		return true;
	}

}
