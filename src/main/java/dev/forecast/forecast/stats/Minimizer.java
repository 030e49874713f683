package dev.forecast.forecast.stats;

import java.util.function.ToDoubleFunction;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Minimizes a smooth objective of a few coefficients with Hipparchus: BOBYQA (Powell's
 * derivative-free trust-region method) for two or more, Brent's method for one. An objective
 * that is not finite counts as a large value, so the search steps away from it.
 */
final class Minimizer {

	/** What an objective that cannot be computed is worth. */
	static final double FAILED = 1e4;

	private Minimizer() {
	}

	/**
	 * The minimizing point, starting from {@code start} within {@code [-bound, bound]} for each
	 * coefficient, or the best point seen when the evaluations run out.
	 */
	static double[] minimize(ToDoubleFunction<double[]> objective, double[] start, double bound, int maxEval) {
		int n = start.length;
		if (n == 0) {
			return start;
		}
		double[] best = start.clone();
		double[] bestValue = { Double.POSITIVE_INFINITY };
		ToDoubleFunction<double[]> safe = x -> {
			double value = objective.applyAsDouble(x);
			if (!Double.isFinite(value)) {
				return FAILED;
			}
			if (value < bestValue[0]) {
				bestValue[0] = value;
				System.arraycopy(x, 0, best, 0, n);
			}
			return value;
		};
		double[] lower = new double[n];
		double[] upper = new double[n];
		double[] guess = new double[n];
		for (int i = 0; i < n; i++) {
			lower[i] = -bound;
			upper[i] = bound;
			guess[i] = Math.max(-bound * 0.999, Math.min(bound * 0.999, start[i]));
		}
		try {
			if (n == 1) {
				UnivariatePointValuePair found = new BrentOptimizer(1e-8, 1e-7).optimize(new MaxEval(maxEval),
						new UnivariateObjectiveFunction(x -> safe.applyAsDouble(new double[] { x })), GoalType.MINIMIZE,
						new SearchInterval(-bound, bound, guess[0]));
				return new double[] { found.getPoint() };
			}
			BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, 0.1, 1e-6);
			return optimizer
				.optimize(new MaxEval(maxEval), new ObjectiveFunction(safe::applyAsDouble), GoalType.MINIMIZE,
						new InitialGuess(guess), new SimpleBounds(lower, upper))
				.getPoint();
		}
		catch (MathIllegalStateException ex) {
			// out of evaluations: the best point seen
			return best;
		}
	}

}
