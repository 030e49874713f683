package dev.forecast.forecast.stats;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

/**
 * The stationary state covariance of an ARMA model in Harvey's state-space form, the
 * start of {@link ArmaKalman}'s filter.
 */
final class ArmaStationaryCovariance {

	private ArmaStationaryCovariance() {
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
