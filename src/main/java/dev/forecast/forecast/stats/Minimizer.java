package dev.forecast.forecast.stats;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Minimizes a sum of squares of residuals over a few coefficients with Hipparchus's
 * Levenberg-Marquardt optimizer, the Jacobian by forward differences. Both ARIMA criteria
 * are sums of squares: the conditional one directly, the exact likelihood as the
 * standardized innovations scaled by the geometric mean of their variances. Residuals
 * that cannot be computed count as large ones, so the optimizer steps back.
 */
final class Minimizer {

	/**
	 * Computes the residuals at a point into {@code out}; false when they cannot be
	 * computed.
	 */
	@FunctionalInterface
	interface Residuals {

		boolean compute(double[] point, double[] out);

	}

	private static final double FAILED = 1e8;

	private static final double STEP = 1e-6;

	private Minimizer() {
	}

	/**
	 * The point minimizing the sum of squared residuals, starting from {@code start}; the
	 * best point found when the iterations run out.
	 * @param residuals the residual function
	 * @param count the number of residuals
	 * @param start the starting point
	 * @param maxIterations the most Levenberg-Marquardt iterations
	 */
	static double[] minimize(Residuals residuals, int count, double[] start, int maxIterations) {
		int k = start.length;
		if (k == 0 || count < k) {
			return start;
		}
		double[] best = start.clone();
		double[] bestCost = { Double.POSITIVE_INFINITY };
		double[] value = new double[count];
		double[] shifted = new double[count];
		LeastSquaresProblem problem = new LeastSquaresBuilder().start(start)
			.target(new double[count])
			.maxEvaluations(Integer.MAX_VALUE)
			.maxIterations(maxIterations)
			.lazyEvaluation(false)
			.model(point -> {
				double[] x = point.toArray();
				evaluate(residuals, x, value);
				double cost = 0;
				for (double r : value) {
					cost += r * r;
				}
				if (cost < bestCost[0]) {
					bestCost[0] = cost;
					System.arraycopy(x, 0, best, 0, k);
				}
				double[][] jacobian = new double[count][k];
				for (int j = 0; j < k; j++) {
					double original = x[j];
					double h = STEP * Math.max(1, Math.abs(original));
					x[j] = original + h;
					evaluate(residuals, x, shifted);
					x[j] = original;
					for (int i = 0; i < count; i++) {
						jacobian[i][j] = (shifted[i] - value[i]) / h;
					}
				}
				return new Pair<>(new ArrayRealVector(value), new Array2DRowRealMatrix(jacobian, false));
			})
			.build();
		try {
			LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-9)
				.withParameterRelativeTolerance(1e-8);
			double[] found = optimizer.optimize(problem).getPoint().toArray();
			evaluate(residuals, found, value);
			double cost = 0;
			for (double r : value) {
				cost += r * r;
			}
			return cost <= bestCost[0] ? found : best;
		}
		catch (MathIllegalStateException ex) {
			return best;
		}
	}

	private static void evaluate(Residuals residuals, double[] x, double[] out) {
		if (!residuals.compute(x, out)) {
			java.util.Arrays.fill(out, FAILED);
			return;
		}
		for (int i = 0; i < out.length; i++) {
			if (!Double.isFinite(out[i])) {
				java.util.Arrays.fill(out, FAILED);
				return;
			}
		}
	}

}
