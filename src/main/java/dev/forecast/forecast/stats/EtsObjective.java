package dev.forecast.forecast.stats;

import org.hipparchus.analysis.MultivariateFunction;

/**
 * The criterion the optimizer minimises for one form: the likelihood criterion of
 * {@link EtsRecursion}, or {@code +Infinity} outside the parameter space. The space is
 * R's default ({@code bounds = "both"}): the usual bounds (smoothing parameters in
 * {@code [1e-4, 0.9999]}, {@code beta <= alpha}, {@code gamma <= 1 - alpha}, {@code phi}
 * in {@code [0.8, 0.98]}) intersected with the admissible region. The point is laid out
 * as {@code [alpha, beta?, gamma?, phi?, level,
 * slope?, s_0 .. s_(m-2)]}. It remembers the best point seen, so that a search cut short
 * by its evaluation budget still answers.
 */
final class EtsObjective implements MultivariateFunction {

	static final double LOWER = 1e-4;

	static final double UPPER = 0.9999;

	static final double PHI_LOWER = 0.8;

	static final double PHI_UPPER = 0.98;

	private final double[] y;

	private final EtsType type;

	private final int m;

	private final double[] states;

	private final double[] seasons;

	private double bestValue = Double.POSITIVE_INFINITY;

	private double[] bestPoint;

	EtsObjective(double[] y, EtsType type, int m) {
		this.y = y;
		this.type = type;
		this.m = m;
		this.states = new double[1 + (type.hasTrend() ? 1 : 0) + (type.hasSeason() ? m : 0)];
		this.seasons = new double[m];
	}

	@Override
	public double value(double[] point) {
		double value = evaluate(point);
		if (value < this.bestValue) {
			this.bestValue = value;
			this.bestPoint = point.clone();
		}
		return value;
	}

	double bestValue() {
		return this.bestValue;
	}

	double[] bestPoint() {
		return this.bestPoint;
	}

	/**
	 * Unpacks the point into the full initial states (the last seasonal state added);
	 * false if out of bounds.
	 */
	boolean states(double[] point, double[] into) {
		int count = this.type.smoothingCount();
		int given = point.length - count;
		System.arraycopy(point, count, into, 0, given);
		if (!this.type.hasSeason()) {
			return true;
		}
		int first = this.type.hasTrend() ? 2 : 1;
		double sum = 0;
		for (int i = first; i < given; i++) {
			sum += into[i];
		}
		into[given] = ((this.type.season() == 'M') ? this.m : 0) - sum;
		if (this.type.season() == 'M') {
			for (int i = first; i <= given; i++) {
				if (into[i] < 0) {
					return false;
				}
			}
		}
		return true;
	}

	private double evaluate(double[] point) {
		EtsType t = this.type;
		int j = 0;
		double alpha = point[j++];
		double beta = t.hasTrend() ? point[j++] : 0;
		double gamma = t.hasSeason() ? point[j++] : 0;
		double phi = t.damped() ? point[j] : 1;
		if (!withinBounds(alpha, beta, gamma, phi) || !EtsAdmissible.test(t, this.m, alpha, beta, gamma, phi)) {
			return Double.POSITIVE_INFINITY;
		}
		if (!states(point, this.states)) {
			return Double.POSITIVE_INFINITY;
		}
		double lik = EtsRecursion.run(this.y, t, this.m, alpha, beta, gamma, phi, this.states, this.seasons, null, null,
				null);
		if (Double.isNaN(lik)) {
			return Double.POSITIVE_INFINITY;
		}
		return Math.max(lik, -1e10);
	}

	private boolean withinBounds(double alpha, double beta, double gamma, double phi) {
		if (alpha < LOWER || alpha > UPPER) {
			return false;
		}
		if (this.type.hasTrend() && (beta < LOWER || beta > alpha || beta > UPPER)) {
			return false;
		}
		if (this.type.damped() && (phi < PHI_LOWER || phi > PHI_UPPER)) {
			return false;
		}
		return !this.type.hasSeason() || (gamma >= LOWER && gamma <= 1 - alpha && gamma <= UPPER);
	}

}
