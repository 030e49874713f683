package dev.forecast.forecast.stats;

/**
 * Loess smoothing as STL uses it (Cleveland et al. 1990): local weighted fits of degree 0
 * or 1 with tricube weights, evaluated every {@code jump} points and interpolated
 * between.
 */
final class Loess {

	private Loess() {
	}

	static void loess(double[] y, int n, int len, int degree, int jump, double[] out) {
		if (n < 2) {
			out[0] = y[0];
			return;
		}
		double[] weights = new double[n];
		int step = Math.min(jump, n - 1);
		int half = (len + 1) / 2;
		int left = 1;
		int right = Math.min(len, n);
		for (int i = 1; i <= n; i += step) {
			if (len < n) {
				if (step == 1) {
					if (i > half && right != n) {
						left++;
						right++;
					}
				}
				else if (i < half) {
					left = 1;
					right = len;
				}
				else if (i >= n - half + 1) {
					left = n - len + 1;
					right = n;
				}
				else {
					left = i - half + 1;
					right = len + i - half;
				}
			}
			double value = estimate(y, n, len, degree, i, left, right, weights);
			out[i - 1] = Double.isNaN(value) ? y[i - 1] : value;
		}
		if (step == 1) {
			return;
		}
		for (int i = 1; i <= n - step; i += step) {
			double delta = (out[i + step - 1] - out[i - 1]) / step;
			for (int j = i + 1; j < i + step; j++) {
				out[j - 1] = out[i - 1] + delta * (j - i);
			}
		}
		int k = ((n - 1) / step) * step + 1;
		if (k != n) {
			double value = estimate(y, n, len, degree, n, left, right, weights);
			out[n - 1] = Double.isNaN(value) ? y[n - 1] : value;
			if (k != n - 1) {
				double delta = (out[n - 1] - out[k - 1]) / (n - k);
				for (int j = k + 1; j < n; j++) {
					out[j - 1] = out[k - 1] + delta * (j - k);
				}
			}
		}
	}

	/**
	 * The loess fit at {@code xs} (1-based) from {@code y[left..right]}, or NaN without
	 * weight.
	 */
	static double estimate(double[] y, int n, int len, int degree, int xs, int left, int right, double[] w) {
		double range = n - 1;
		double h = Math.max(xs - left, right - xs);
		if (len > n) {
			h += (len - n) / 2;
		}
		double h9 = 0.999 * h;
		double h1 = 0.001 * h;
		double a = 0;
		for (int j = left; j <= right; j++) {
			double r = Math.abs(j - xs);
			double weight = 0;
			if (r <= h9) {
				weight = (r <= h1) ? 1 : Math.pow(1 - Math.pow(r / h, 3), 3);
			}
			w[j - 1] = weight;
			a += weight;
		}
		if (a <= 0) {
			return Double.NaN;
		}
		for (int j = left; j <= right; j++) {
			w[j - 1] /= a;
		}
		if (h > 0 && degree > 0) {
			double center = 0;
			for (int j = left; j <= right; j++) {
				center += w[j - 1] * j;
			}
			double b = xs - center;
			double c = 0;
			for (int j = left; j <= right; j++) {
				c += w[j - 1] * (j - center) * (j - center);
			}
			if (Math.sqrt(c) > 0.001 * range) {
				b /= c;
				for (int j = left; j <= right; j++) {
					w[j - 1] *= b * (j - center) + 1;
				}
			}
		}
		double ys = 0;
		for (int j = left; j <= right; j++) {
			ys += w[j - 1] * y[j - 1];
		}
		return ys;
	}

}
