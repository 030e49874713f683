package dev.forecast.forecast.stats;

/**
 * Maximum likelihood for one form, as R's {@code forecast:::etsmodel}: smoothing
 * parameters start where R starts them, states start from {@link EtsInitialStates}, and a
 * Nelder-Mead search refines all of them together ({@link EtsNelderMead}), the first
 * simplex as wide as R's (a tenth of the largest starting value), stopping on R's
 * relative tolerance or the evaluation budget.
 */
final class EtsEstimator {

	private static final double RELATIVE_TOLERANCE = 1.4901161193847656e-8;

	private final int maxEvaluations;

	EtsEstimator(int maxEvaluations) {
		this.maxEvaluations = maxEvaluations;
	}

	/**
	 * Fits the form, or answers {@code null} when it cannot be fitted (too many
	 * parameters for the data, no finite likelihood at the start).
	 */
	EtsFit fit(double[] y, EtsType type, int period) {
		int m = type.hasSeason() ? period : 1;
		double[] states;
		try {
			states = EtsInitialStates.of(y, type, m);
		}
		catch (RuntimeException ex) {
			// too short for a seasonal start, or a singular regression: this form cannot
			// be fitted
			return null;
		}
		int count = type.smoothingCount();
		double[] start = new double[count + states.length];
		startSmoothing(type, m, start);
		System.arraycopy(states, 0, start, count, states.length);
		int n = y.length;
		if (start.length >= n - 1) {
			return null;
		}
		EtsObjective objective = new EtsObjective(y, type, m);
		double first = objective.value(start);
		if (!Double.isFinite(first)) {
			return null;
		}
		double[] best = optimize(objective, start, RELATIVE_TOLERANCE);
		return EtsFits.of(y, type, m, objective, best, start.length + 1, "maximum likelihood");
	}

	private double[] optimize(EtsObjective objective, double[] start, double tolerance) {
		double size = 0;
		for (double value : start) {
			size = Math.max(size, 0.1 * Math.abs(value));
		}
		EtsNelderMead.minimise(objective, start, (size == 0) ? 0.1 : size, tolerance, this.maxEvaluations);
		return objective.bestPoint();
	}

	/** R's {@code initparam} with the usual bounds. */
	private static void startSmoothing(EtsType type, int m, double[] into) {
		double lower = EtsObjective.LOWER;
		double upper = EtsObjective.UPPER;
		double alpha = lower + 0.2 * (upper - lower) / m;
		int j = 0;
		into[j++] = alpha;
		if (type.hasTrend()) {
			double beta = lower + 0.1 * (Math.min(upper, alpha) - lower);
			into[j++] = beta;
		}
		if (type.hasSeason()) {
			into[j++] = lower + 0.05 * (Math.min(upper, 1 - alpha) - lower);
		}
		if (type.damped()) {
			into[j] = EtsObjective.PHI_LOWER + 0.99 * (EtsObjective.PHI_UPPER - EtsObjective.PHI_LOWER);
		}
	}

}
