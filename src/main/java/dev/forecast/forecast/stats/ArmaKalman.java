package dev.forecast.forecast.stats;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

/**
 * The exact Gaussian likelihood of a stationary ARMA model of a (differenced) series, by a Kalman
 * filter on Harvey's state-space form started from the stationary state covariance. The
 * likelihood of the differenced series is the diffuse likelihood of the ARIMA model, as R's
 * {@code arima} computes it. An optional constant regressor (a mean, or drift after differencing)
 * is concentrated out by generalized least squares: its coefficient {@link #beta} is exact for
 * the given ARMA coefficients. Once the state is known (its covariance vanishes) the filter
 * switches to the plain ARMA recursion. Innovation variance is scaled to 1 (concentrated out).
 */
final class ArmaKalman {

	private static final double STEADY = 1e-9;

	private final double[] w;

	private final double c;

	/** Weighted sum of squared innovations after the regressor. */
	double ssq;

	/** Sum of the logs of the innovation variances. */
	double sumLog;

	/** The regressor's coefficient (0 without one). */
	double beta;

	/** After a run that keeps them: the filtered state at the end, of the series less the regressor. */
	double[] state;

	/** After a run that keeps them: the one-step innovations of the series less the regressor. */
	double[] innovations;

	/**
	 * @param w the differenced series
	 * @param c the regressor's (constant) value on the differenced scale, 0 for none
	 */
	ArmaKalman(double[] w, double c) {
		this.w = w;
		this.c = c;
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
		double[] pnew = new double[r * r];
		if (!initialCovariance(ph, p, rr, q, r, pnew)) {
			return false;
		}
		double[] cov = new double[r * r];
		double[] a = new double[r];
		double[] ax = new double[r];
		double[] anew = new double[r];
		double[] axnew = new double[r];
		int n = this.w.length;
		double[] v = keep ? new double[n] : null;
		double[] vx = keep ? new double[n] : null;
		double sww = 0;
		double swx = 0;
		double sxx = 0;
		double sumlog = 0;
		boolean steady = false;
		for (int t = 0; t < n; t++) {
			if (t > 0) {
				double a0 = a[0];
				double ax0 = ax[0];
				for (int i = 0; i < r - 1; i++) {
					anew[i] = ph[i] * a0 + a[i + 1];
					axnew[i] = ph[i] * ax0 + ax[i + 1];
				}
				anew[r - 1] = ph[r - 1] * a0;
				axnew[r - 1] = ph[r - 1] * ax0;
				if (!steady) {
					predictCovariance(ph, rr, r, cov, pnew);
				}
			}
			double f = steady ? 1 : pnew[0];
			if (!(f > 0) || f > 1e12) {
				return false;
			}
			double vt = this.w[t] - anew[0];
			double vxt = this.c - axnew[0];
			if (keep) {
				v[t] = vt;
				vx[t] = vxt;
			}
			sww += vt * vt / f;
			swx += vt * vxt / f;
			sxx += vxt * vxt / f;
			if (steady) {
				for (int i = 0; i < r; i++) {
					a[i] = anew[i] + rr[i] * vt;
					ax[i] = axnew[i] + rr[i] * vxt;
				}
				continue;
			}
			sumlog += Math.log(f);
			double maxDiagonal = 0;
			for (int i = 0; i < r; i++) {
				double k = pnew[i] / f;
				a[i] = anew[i] + k * vt;
				ax[i] = axnew[i] + k * vxt;
				for (int j = i; j < r; j++) {
					double value = pnew[i * r + j] - k * pnew[j];
					cov[i * r + j] = value;
					cov[j * r + i] = value;
				}
				maxDiagonal = Math.max(maxDiagonal, cov[i * r + i]);
			}
			steady = maxDiagonal < STEADY;
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

	/** {@code next = T cov T' + R R'} for the companion transition {@code T}. */
	private static void predictCovariance(double[] ph, double[] rr, int r, double[] cov, double[] next) {
		double p00 = cov[0];
		for (int i = 0; i < r; i++) {
			double phi = ph[i];
			double below = i + 1 < r ? cov[i + 1] : 0;
			for (int j = i; j < r; j++) {
				double value = rr[i] * rr[j] + ph[i] * ph[j] * p00 + ph[j] * below;
				if (j + 1 < r) {
					value += phi * cov[j + 1];
					if (i + 1 < r) {
						value += cov[(i + 1) * r + j + 1];
					}
				}
				next[i * r + j] = value;
				next[j * r + i] = value;
			}
		}
	}

	/**
	 * The stationary covariance of the state, from the process's autocovariances and psi weights:
	 * its first row is {@code cov(y_t, a_t[j])}, the rest follows from {@code P = T P T' + R R'}.
	 */
	static boolean initialCovariance(double[] ph, int p, double[] rr, int q, int r, double[] out) {
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
			out[j * r] = s;
		}
		for (int i = r - 1; i >= 1; i--) {
			double rowI = i + 1 < r ? out[i + 1] : 0;
			for (int j = r - 1; j >= i; j--) {
				double rowJ = j + 1 < r ? out[j + 1] : 0;
				double value = ph[i] * ph[j] * out[0] + ph[i] * rowJ + ph[j] * rowI + rr[i] * rr[j];
				if (j + 1 < r) {
					value += out[(i + 1) * r + j + 1];
				}
				out[i * r + j] = value;
				out[j * r + i] = value;
			}
		}
		return true;
	}

}
