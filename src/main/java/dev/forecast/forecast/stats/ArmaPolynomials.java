package dev.forecast.forecast.stats;

import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;

/**
 * The polynomials of an ARMA model: expanding the seasonal factors, the transform that
 * keeps the autoregressive part stationary during optimization (partial autocorrelations
 * through tanh and the Durbin-Levinson recursion, as R's {@code arima} does), roots and
 * moving-average inversion. Coefficients are laid out as R lays them:
 * {@code ar[p], ma[q], sar[P], sma[Q]}.
 */
final class ArmaPolynomials {

	private static final double ZERO = 1e-8;

	private ArmaPolynomials() {
	}

	/**
	 * The full autoregressive coefficients {@code phi} of
	 * {@code (1 - sum ar_i B^i)(1 - sum sar_j B^(j m)) = 1 - sum phi_k B^k}.
	 */
	static double[] ar(double[] coef, ArimaOrder order) {
		int p = order.p();
		int sp = order.seasonalP();
		int m = order.period();
		double[] phi = new double[p + sp * m];
		System.arraycopy(coef, 0, phi, 0, p);
		int offset = p + order.q();
		for (int j = 0; j < sp; j++) {
			double s = coef[offset + j];
			phi[(j + 1) * m - 1] += s;
			for (int i = 0; i < p; i++) {
				phi[(j + 1) * m + i] -= coef[i] * s;
			}
		}
		return phi;
	}

	/**
	 * The full moving-average coefficients {@code theta} of
	 * {@code (1 + sum ma_i B^i)(1 + sum sma_j B^(j m)) = 1 + sum theta_k B^k}.
	 */
	static double[] ma(double[] coef, ArimaOrder order) {
		int p = order.p();
		int q = order.q();
		int sq = order.seasonalQ();
		int m = order.period();
		double[] theta = new double[q + sq * m];
		System.arraycopy(coef, p, theta, 0, q);
		int offset = p + q + order.seasonalP();
		for (int j = 0; j < sq; j++) {
			double s = coef[offset + j];
			theta[(j + 1) * m - 1] += s;
			for (int i = 0; i < q; i++) {
				theta[(j + 1) * m + i] += coef[p + i] * s;
			}
		}
		return theta;
	}

	/**
	 * Maps unconstrained values {@code raw[from..from+n)} to the coefficients of a
	 * stationary AR(n) in {@code out[from..from+n)}: tanh gives partial autocorrelations,
	 * Durbin-Levinson the rest.
	 */
	static void toStationary(double[] raw, int from, int n, double[] out) {
		if (n == 0) {
			return;
		}
		double[] work = new double[n];
		for (int j = 0; j < n; j++) {
			work[j] = Math.tanh(raw[from + j]);
			out[from + j] = work[j];
		}
		for (int j = 1; j < n; j++) {
			double a = out[from + j];
			for (int k = 0; k < j; k++) {
				work[k] -= a * out[from + j - k - 1];
			}
			System.arraycopy(work, 0, out, from, j);
		}
	}

	/**
	 * The inverse of {@link #toStationary}: stationary AR coefficients to unconstrained
	 * values.
	 */
	static void fromStationary(double[] coef, int from, int n, double[] out) {
		if (n == 0) {
			return;
		}
		double[] cur = new double[n];
		double[] work = new double[n];
		System.arraycopy(coef, from, cur, 0, n);
		for (int j = n - 1; j > 0; j--) {
			double a = cur[j];
			for (int k = 0; k < j; k++) {
				work[k] = (cur[k] + a * cur[j - k - 1]) / (1 - a * a);
			}
			System.arraycopy(work, 0, cur, 0, j);
		}
		for (int j = 0; j < n; j++) {
			out[from + j] = atanh(cur[j]);
		}
	}

	private static double atanh(double x) {
		double c = Math.max(-0.999999, Math.min(0.999999, x));
		return 0.5 * Math.log((1 + c) / (1 - c));
	}

	/**
	 * The smallest modulus of the roots of {@code 1 + sign * sum c_i z^i} over
	 * {@code c[from..from+n)}; {@code Infinity} when the polynomial is constant. Use sign
	 * -1 for an autoregressive polynomial, +1 for a moving-average one.
	 */
	static double minRoot(double[] c, int from, int n, double sign) {
		int last = n;
		while (last > 0 && Math.abs(c[from + last - 1]) <= ZERO) {
			last--;
		}
		if (last == 0) {
			return Double.POSITIVE_INFINITY;
		}
		if (last == 1) {
			return 1 / Math.abs(c[from]);
		}
		double[] poly = new double[last + 1];
		poly[0] = 1;
		for (int i = 0; i < last; i++) {
			poly[i + 1] = sign * c[from + i];
		}
		double min = Double.POSITIVE_INFINITY;
		for (Complex root : new LaguerreSolver(1e-12, 1e-10).solveAllComplex(poly, 0)) {
			min = Math.min(min, root.norm());
		}
		return min;
	}

	/**
	 * Whether the AR polynomial over {@code c[from..from+n)} has all roots outside the
	 * unit circle.
	 */
	static boolean stationary(double[] c, int from, int n) {
		return minRoot(c, from, n, -1) > 1;
	}

	/**
	 * Reflects the roots of the MA polynomial over {@code c[from..from+n)} that lie
	 * inside the unit circle, which leaves the likelihood unchanged and makes the model
	 * invertible (R's maInvert).
	 */
	static void invertMa(double[] c, int from, int n) {
		int last = n;
		while (last > 0 && c[from + last - 1] == 0) {
			last--;
		}
		if (last == 0) {
			return;
		}
		double[] poly = new double[last + 1];
		poly[0] = 1;
		System.arraycopy(c, from, poly, 1, last);
		Complex[] roots = last == 1 ? new Complex[] { new Complex(-1 / c[from]) }
				: new LaguerreSolver(1e-12, 1e-10).solveAllComplex(poly, 0);
		boolean any = false;
		for (int i = 0; i < roots.length; i++) {
			if (roots[i].norm() < 1) {
				roots[i] = roots[i].reciprocal();
				any = true;
			}
		}
		if (!any) {
			return;
		}
		// rebuild prod (1 - z / root_i), whose constant term is 1
		double[] re = new double[last + 1];
		double[] im = new double[last + 1];
		re[0] = 1;
		for (int k = 0; k < roots.length; k++) {
			Complex inv = roots[k].reciprocal();
			for (int i = k + 1; i > 0; i--) {
				double r = re[i] - (re[i - 1] * inv.getReal() - im[i - 1] * inv.getImaginary());
				double m = im[i] - (re[i - 1] * inv.getImaginary() + im[i - 1] * inv.getReal());
				re[i] = r;
				im[i] = m;
			}
		}
		for (int i = 0; i < last; i++) {
			c[from + i] = re[i + 1];
		}
	}

}
