package dev.forecast.forecast.stats;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Starting values of the states, by the heuristic of R's {@code forecast:::initstate}: a
 * classical decomposition (or, below three seasons of data, a linear trend plus one
 * Fourier pair) gives the seasonal states, and a straight line through the first
 * observations of the seasonally adjusted series gives the level and slope. The optimizer
 * starts from these values and refines them.
 */
final class EtsInitialStates {

	private EtsInitialStates() {
	}

	/**
	 * The starting states {@code [level, slope?, s_0 .. s_(m-2)]}: the last seasonal
	 * state is left out, as it follows from the others (seasons sum to zero, or to
	 * {@code m} when multiplicative).
	 * @throws IllegalArgumentException when a seasonal form has fewer than 4 observations
	 */
	static double[] of(double[] y, EtsType type, int m) {
		int n = y.length;
		double[] adjusted = y;
		double[] seasons = new double[0];
		int period = 1;
		if (type.hasSeason()) {
			if (n < 4) {
				throw new IllegalArgumentException("Too few observations for a seasonal model");
			}
			period = m;
			boolean additive = type.season() == 'A';
			double[] seasonal = (n < 3 * m) ? fourierSeasonal(y, m, additive)
					: EtsDecomposition.seasonal(y, m, additive);
			seasons = new double[m - 1];
			for (int k = 0; k < m - 1; k++) {
				seasons[k] = seasonal[m - 1 - k];
			}
			adjusted = new double[n];
			if (additive) {
				for (int i = 0; i < n; i++) {
					adjusted[i] = y[i] - seasonal[i];
				}
			}
			else {
				double sum = 0;
				for (int k = 0; k < m - 1; k++) {
					seasons[k] = Math.max(seasons[k], 1e-2);
					sum += seasons[k];
				}
				if (sum > m) {
					double scale = sum + 1e-2 * (m - 1);
					for (int k = 0; k < m - 1; k++) {
						seasons[k] /= scale;
					}
				}
				for (int i = 0; i < n; i++) {
					adjusted[i] = y[i] / Math.max(seasonal[i], 1e-2);
				}
			}
		}
		int head = Math.min(Math.max(10, 2 * period), n);
		int trendStates = type.hasTrend() ? 2 : 1;
		double[] states = new double[trendStates + seasons.length];
		System.arraycopy(seasons, 0, states, trendStates, seasons.length);
		if (!type.hasTrend()) {
			double sum = 0;
			for (int i = 0; i < head; i++) {
				sum += adjusted[i];
			}
			states[0] = sum / head;
			return states;
		}
		double[] line = line(adjusted, head);
		double l0;
		double b0;
		if (type.trend() == 'A') {
			l0 = line[0];
			b0 = line[1];
			if (Math.abs(l0 + b0) < 1e-8) {
				l0 *= 1 + 1e-3;
				b0 *= 1 - 1e-3;
			}
		}
		else {
			l0 = line[0] + line[1];
			if (Math.abs(l0) < 1e-8) {
				l0 = 1e-7;
			}
			b0 = (line[0] + 2 * line[1]) / l0;
			l0 = l0 / b0;
			if (Math.abs(b0) > 1e10) {
				b0 = Math.signum(b0) * 1e10;
			}
			if (l0 < 1e-8 || b0 < 1e-8) {
				l0 = Math.max(adjusted[0], 1e-3);
				b0 = Math.max(adjusted[1] / adjusted[0], 1e-3);
			}
		}
		states[0] = l0;
		states[1] = b0;
		return states;
	}

	/**
	 * Intercept and slope of the least squares line through
	 * {@code (1, y_0) .. (count, y_(count-1))}.
	 */
	static double[] line(double[] y, int count) {
		double meanX = (count + 1) / 2.0;
		double meanY = 0;
		for (int i = 0; i < count; i++) {
			meanY += y[i];
		}
		meanY /= count;
		double sxy = 0;
		double sxx = 0;
		for (int i = 0; i < count; i++) {
			double dx = i + 1 - meanX;
			sxy += dx * (y[i] - meanY);
			sxx += dx * dx;
		}
		double slope = (sxx > 0) ? sxy / sxx : 0;
		return new double[] { meanY - slope * meanX, slope };
	}

	/**
	 * Seasonal deviations from a regression on a linear trend and one Fourier pair (short
	 * series).
	 */
	private static double[] fourierSeasonal(double[] y, int m, boolean additive) {
		int n = y.length;
		int columns = (m == 2) ? 3 : 4;
		double[][] x = new double[n][columns];
		for (int i = 0; i < n; i++) {
			double t = i + 1;
			double angle = 2 * Math.PI * t / m;
			x[i][0] = 1;
			x[i][1] = t;
			x[i][2] = Math.cos(angle);
			if (columns == 4) {
				x[i][3] = Math.sin(angle);
			}
		}
		RealVector beta = new QRDecomposition(new Array2DRowRealMatrix(x, false)).getSolver()
			.solve(new ArrayRealVector(y, false));
		double a = beta.getEntry(0);
		double b = beta.getEntry(1);
		double[] seasonal = new double[n];
		for (int i = 0; i < n; i++) {
			double trend = a + b * (i + 1);
			seasonal[i] = additive ? y[i] - trend : y[i] / trend;
		}
		return seasonal;
	}

}
