package dev.forecast.forecast.stats;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Forecast means and variances for multiplicative errors with a multiplicative season and
 * no or an additive trend (class 3 of Hyndman, Koehler, Ord and Snyder, 2005), the
 * approximation R's {@code forecast.ets} uses: the level-and-slope part and the seasonal
 * part of the state evolve as two linear systems whose Kronecker product carries the
 * second moments.
 */
final class EtsClassThree {

	private EtsClassThree() {
	}

	static double[][] of(EtsFit fit, int horizon) {
		int m = fit.m();
		int k = fit.type().hasTrend() ? 2 : 1;
		double sigma2 = fit.sigma2();
		double[] last = fit.last();
		RealMatrix h1 = MatrixUtils.createRealMatrix(1, k);
		RealMatrix f1 = MatrixUtils.createRealMatrix(k, k);
		RealMatrix g1 = MatrixUtils.createRealMatrix(k, k);
		for (int j = 0; j < k; j++) {
			h1.setEntry(0, j, 1);
			g1.setEntry(0, j, fit.alpha());
		}
		f1.setEntry(0, 0, 1);
		if (k == 2) {
			f1.setEntry(0, 1, 1);
			f1.setEntry(1, 1, fit.phi());
			g1.setEntry(1, 0, fit.beta());
			g1.setEntry(1, 1, fit.beta());
		}
		RealMatrix h2 = MatrixUtils.createRealMatrix(1, m);
		h2.setEntry(0, m - 1, 1);
		RealMatrix f2 = MatrixUtils.createRealMatrix(m, m);
		f2.setEntry(0, m - 1, 1);
		for (int i = 1; i < m; i++) {
			f2.setEntry(i, i - 1, 1);
		}
		RealMatrix g2 = MatrixUtils.createRealMatrix(m, m);
		g2.setEntry(0, m - 1, fit.gamma());
		RealMatrix mh = MatrixUtils.createRealMatrix(k, m);
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < m; j++) {
				mh.setEntry(i, j, last[i] * last[k + j]);
			}
		}
		RealMatrix vh = MatrixUtils.createRealMatrix(k * m, k * m);
		RealMatrix h21 = kronecker(h2, h1);
		RealMatrix f21 = kronecker(f2, f1);
		RealMatrix g21 = kronecker(g2, g1);
		RealMatrix kk = kronecker(g2, f1).add(kronecker(f2, g1));
		RealMatrix f21t = f21.transpose();
		RealMatrix g21t = g21.transpose();
		RealMatrix kkt = kk.transpose();
		double[] mean = new double[horizon];
		double[] variance = new double[horizon];
		for (int i = 0; i < horizon; i++) {
			mean[i] = h1.multiply(mh).multiply(h2.transpose()).getEntry(0, 0);
			variance[i] = (1 + sigma2) * h21.multiply(vh).multiply(h21.transpose()).getEntry(0, 0)
					+ sigma2 * mean[i] * mean[i];
			RealMatrix vec = MatrixUtils.createColumnRealMatrix(columnMajor(mh));
			RealMatrix outer = vec.multiply(vec.transpose());
			RealMatrix inner = f21.multiply(vh)
				.multiply(g21t)
				.add(g21.multiply(vh).multiply(f21t))
				.add(kk.multiply(vh.add(outer)).multiply(kkt))
				.add(g21.multiply(vh.scalarMultiply(3).add(outer.scalarMultiply(2)))
					.multiply(g21t)
					.scalarMultiply(sigma2));
			vh = f21.multiply(vh).multiply(f21t).add(inner.scalarMultiply(sigma2));
			mh = f1.multiply(mh)
				.multiply(f2.transpose())
				.add(g1.multiply(mh).multiply(g2.transpose()).scalarMultiply(sigma2));
		}
		return new double[][] { mean, variance };
	}

	private static double[] columnMajor(RealMatrix matrix) {
		int rows = matrix.getRowDimension();
		int columns = matrix.getColumnDimension();
		double[] values = new double[rows * columns];
		for (int j = 0; j < columns; j++) {
			for (int i = 0; i < rows; i++) {
				values[j * rows + i] = matrix.getEntry(i, j);
			}
		}
		return values;
	}

	private static RealMatrix kronecker(RealMatrix a, RealMatrix b) {
		int ar = a.getRowDimension();
		int ac = a.getColumnDimension();
		int br = b.getRowDimension();
		int bc = b.getColumnDimension();
		RealMatrix product = MatrixUtils.createRealMatrix(ar * br, ac * bc);
		for (int i = 0; i < ar; i++) {
			for (int j = 0; j < ac; j++) {
				double value = a.getEntry(i, j);
				if (value != 0) {
					for (int p = 0; p < br; p++) {
						for (int q = 0; q < bc; q++) {
							product.setEntry(i * br + p, j * bc + q, value * b.getEntry(p, q));
						}
					}
				}
			}
		}
		return product;
	}

}
