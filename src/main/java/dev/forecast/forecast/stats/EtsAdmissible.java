package dev.forecast.forecast.stats;

/**
 * The admissible parameter space of Hyndman, Akram and Archibald (2008), as R's
 * {@code forecast::ets} checks it: the linear inequalities first, then, for seasonal
 * forms, that every root of the characteristic polynomial lies inside the unit circle.
 * The roots are not computed: the Schur-Cohn recursion answers the same question in
 * {@code O(m^2)} arithmetic.
 */
final class EtsAdmissible {

	private EtsAdmissible() {
	}

	static boolean test(EtsType type, int m, double alpha, double beta, double gamma, double phi) {
		if (phi < 0 || phi > 1 + 1e-8) {
			return false;
		}
		if (!type.hasSeason()) {
			if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
				return false;
			}
			return !type.hasTrend() || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
		}
		if (m <= 1) {
			return true;
		}
		double d = 1 - 1 / phi - alpha;
		if (gamma < Math.max(d, 0) || gamma > 1 + 1 / phi - alpha) {
			return false;
		}
		if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
			return false;
		}
		if (beta < -(1 - phi) * (gamma / m + alpha)) {
			return false;
		}
		// coefficients of z^0 .. z^(m+1)
		double[] c = new double[m + 2];
		c[0] = phi * (1 - alpha - gamma);
		c[1] = alpha + beta - alpha * phi + gamma - 1;
		for (int k = 2; k < m; k++) {
			c[k] = alpha + beta - alpha * phi;
		}
		c[m] = alpha + beta - phi;
		c[m + 1] = 1;
		if (!type.hasTrend() && phi == 1) {
			// z = 1 is a root by construction here (R accepts it): divide it out
			double[] q = new double[m + 1];
			q[m] = c[m + 1];
			for (int k = m; k >= 1; k--) {
				q[k - 1] = c[k] + q[k];
			}
			c = q;
		}
		// R allows roots up to 1 + 1e-10 in modulus: test p((1 + 1e-10) z)
		double scale = 1;
		for (int k = 0; k < c.length; k++) {
			c[k] *= scale;
			scale *= 1 + 1e-10;
		}
		return rootsInsideUnitCircle(c);
	}

	/**
	 * Whether every root of {@code c[0] + c[1] z + ... + c[d] z^d} has modulus below one
	 * (Schur-Cohn): that holds iff {@code |c[0]| < |c[d]|} and it holds for
	 * {@code (c[d] p(z) - c[0] p*(z)) / z}, {@code p*} the reversed polynomial.
	 */
	static boolean rootsInsideUnitCircle(double[] coefficients) {
		double[] c = coefficients.clone();
		double[] next = new double[c.length];
		for (int d = c.length - 1; d >= 1; d--) {
			if (Math.abs(c[0]) >= Math.abs(c[d])) {
				return false;
			}
			double ratio = c[0] / c[d];
			for (int k = 0; k < d; k++) {
				next[k] = c[k + 1] - ratio * c[d - 1 - k];
			}
			double[] swap = c;
			c = next;
			next = swap;
		}
		return true;
	}

}
