package dev.forecast.forecast.stats;

/**
 * Turns an optimum of {@link EtsObjective} into an {@link EtsFit}: states, fit, variance,
 * AICc.
 */
final class EtsFits {

	private EtsFits() {
	}

	/**
	 * @param point the optimum, laid out as the objective's points
	 * @param parameters how many parameters the likelihood counts (the point's length
	 * plus the variance)
	 * @return the fit, or {@code null} when the point has no finite likelihood
	 */
	static EtsFit of(double[] y, EtsType type, int m, EtsObjective objective, double[] point, int parameters,
			String method) {
		if (point == null) {
			return null;
		}
		int j = 0;
		double alpha = point[j++];
		double beta = type.hasTrend() ? point[j++] : 0;
		double gamma = type.hasSeason() ? point[j++] : 0;
		double phi = type.damped() ? point[j] : 1;
		int size = 1 + (type.hasTrend() ? 1 : 0) + (type.hasSeason() ? m : 0);
		double[] initial = new double[size];
		objective.states(point, initial);
		int n = y.length;
		double[] fitted = new double[n];
		double[] errors = new double[n];
		double[] last = new double[size];
		double lik = EtsRecursion.run(y, type, m, alpha, beta, gamma, phi, initial, new double[m], fitted, errors,
				last);
		if (!Double.isFinite(lik) && lik != Double.NEGATIVE_INFINITY) {
			return null;
		}
		double sse = 0;
		for (double e : errors) {
			sse += e * e;
		}
		double sigma2 = sse / (n - (parameters - 1));
		double aic = lik + 2 * parameters;
		double aicc = aic + 2.0 * parameters * (parameters + 1) / (n - parameters - 1);
		return new EtsFit(type, m, alpha, beta, gamma, phi, initial, last, fitted, sigma2, aicc, method);
	}

}
