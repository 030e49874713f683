package dev.forecast.forecast.stats;

import org.hipparchus.analysis.MultivariateFunction;

/**
 * The Nelder-Mead variant of R's {@code optim} (Nash's {@code nmmin}), which R's
 * {@code ets} uses: reflection 1, contraction 0.5, expansion 2; a contraction after every
 * reflection that does not beat the best vertex; a shrink towards the best vertex only
 * when the reflection did not beat the worst one either; non-finite values count as a
 * huge value. It starts from the given point plus one step along each axis and stops when
 * the vertices' values span no more than {@code tolerance * (|f(start)| + tolerance)},
 * when a shrink no longer shrinks, or after {@code maxEvaluations} evaluations.
 * <p>
 * Hipparchus' Nelder-Mead ({@code SimplexOptimizer}) implements the textbook rules; on
 * the known answers R gives (the airline passengers) those rules end at different optima
 * than R's and so choose different forms, which is why the search follows R's variant
 * here.
 */
final class EtsNelderMead {

	private static final double BIG = 1.0e35;

	private EtsNelderMead() {
	}

	/** The best vertex found. */
	static double[] minimise(MultivariateFunction function, double[] start, double step, double tolerance,
			int maxEvaluations) {
		int n = start.length;
		int n1 = n + 1;
		double[][] p = new double[n1][];
		double[] values = new double[n1];
		double f = function.value(start);
		if (!Double.isFinite(f)) {
			return start.clone();
		}
		double convergence = tolerance * (Math.abs(f) + tolerance);
		int evaluations = 1;
		p[0] = start.clone();
		values[0] = f;
		double size = 0;
		for (int j = 1; j < n1; j++) {
			p[j] = start.clone();
			double trial = step;
			while (p[j][j - 1] == start[j - 1]) {
				p[j][j - 1] = start[j - 1] + trial;
				trial *= 10;
			}
			size += trial;
		}
		double oldSize = size;
		boolean evaluateVertices = true;
		int low = 0;
		double[] centroid = new double[n];
		double[] trial = new double[n];
		double[] other = new double[n];
		do {
			if (evaluateVertices) {
				for (int j = 0; j < n1; j++) {
					if (j != low) {
						values[j] = finite(function.value(p[j]));
						evaluations++;
					}
				}
				evaluateVertices = false;
			}
			double lowValue = values[low];
			double highValue = lowValue;
			int high = low;
			for (int j = 0; j < n1; j++) {
				if (j != low) {
					double v = values[j];
					if (v < lowValue) {
						low = j;
						lowValue = v;
					}
					if (v > highValue) {
						high = j;
						highValue = v;
					}
				}
			}
			if (highValue <= lowValue + convergence) {
				break;
			}
			for (int i = 0; i < n; i++) {
				double sum = -p[high][i];
				for (int j = 0; j < n1; j++) {
					sum += p[j][i];
				}
				centroid[i] = sum / n;
			}
			for (int i = 0; i < n; i++) {
				trial[i] = 2 * centroid[i] - p[high][i];
			}
			double reflected = finite(function.value(trial));
			evaluations++;
			if (reflected < lowValue) {
				for (int i = 0; i < n; i++) {
					other[i] = 2 * trial[i] - centroid[i];
				}
				double expanded = finite(function.value(other));
				evaluations++;
				if (expanded < reflected) {
					System.arraycopy(other, 0, p[high], 0, n);
					values[high] = expanded;
				}
				else {
					System.arraycopy(trial, 0, p[high], 0, n);
					values[high] = reflected;
				}
			}
			else {
				if (reflected < highValue) {
					System.arraycopy(trial, 0, p[high], 0, n);
					values[high] = reflected;
				}
				for (int i = 0; i < n; i++) {
					other[i] = 0.5 * p[high][i] + 0.5 * centroid[i];
				}
				double contracted = finite(function.value(other));
				evaluations++;
				if (contracted < values[high]) {
					System.arraycopy(other, 0, p[high], 0, n);
					values[high] = contracted;
				}
				else if (reflected >= highValue) {
					size = 0;
					for (int j = 0; j < n1; j++) {
						if (j != low) {
							for (int i = 0; i < n; i++) {
								p[j][i] = 0.5 * (p[j][i] - p[low][i]) + p[low][i];
								size += Math.abs(p[j][i] - p[low][i]);
							}
						}
					}
					if (size >= oldSize) {
						break;
					}
					oldSize = size;
					evaluateVertices = true;
				}
			}
		}
		while (evaluations <= maxEvaluations);
		return p[low].clone();
	}

	private static double finite(double value) {
		return Double.isFinite(value) ? value : BIG;
	}

}
