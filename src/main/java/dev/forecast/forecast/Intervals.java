package dev.forecast.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prediction intervals from a method's own one-step in-sample residuals: at level
 * {@code L} and step {@code h} the interval is
 * {@code [forecast + q((1-L)/2) * s(h), forecast + q((1+L)/2) * s(h)]}, where {@code q}
 * are the empirical quantiles (linear interpolation between order statistics) of the
 * residuals and {@code s(h)} the model's {@link ForecastModel#spread} ({@code sqrt(h)}),
 * so intervals widen with the horizon and may be asymmetric when the errors are skewed.
 * An interval always contains its forecast: when every residual lies on one side (a short
 * trending series gives naive residuals of one sign only) the other bound is the forecast
 * itself.
 */
final class Intervals {

	/** Fewer residuals than this give no intervals. */
	static final int MIN_RESIDUALS = 2;

	private final Levels levels;

	private final double[] lower;

	private final double[] upper;

	private Intervals(Levels levels, double[] lower, double[] upper) {
		this.levels = levels;
		this.lower = lower;
		this.upper = upper;
	}

	/** Intervals from the finite residuals in {@code residuals[from, to)}. */
	static Intervals of(double[] residuals, int from, int to, Levels levels) {
		double[] sorted = new double[Math.max(0, to - from)];
		int n = 0;
		for (int i = Math.max(0, from); i < to; i++) {
			if (Double.isFinite(residuals[i])) {
				sorted[n++] = residuals[i];
			}
		}
		if (n < MIN_RESIDUALS) {
			return new Intervals(levels, null, null);
		}
		sorted = Arrays.copyOf(sorted, n);
		Arrays.sort(sorted);
		int count = levels.percents().size();
		double[] lower = new double[count];
		double[] upper = new double[count];
		for (int i = 0; i < count; i++) {
			double level = levels.percents().get(i) / 100;
			lower[i] = Math.min(0, quantile(sorted, (1 - level) / 2));
			upper[i] = Math.max(0, quantile(sorted, (1 + level) / 2));
		}
		return new Intervals(levels, lower, upper);
	}

	/**
	 * The {@code p}-quantile of sorted values, interpolating linearly between order
	 * statistics.
	 */
	static double quantile(double[] sorted, double p) {
		double position = p * (sorted.length - 1);
		int below = (int) Math.floor(position);
		int above = Math.min(below + 1, sorted.length - 1);
		return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
	}

	boolean isEmpty() {
		return this.lower == null;
	}

	double lower(int level, double forecast, double spread) {
		return forecast + this.lower[level] * spread;
	}

	double upper(int level, double forecast, double spread) {
		return forecast + this.upper[level] * spread;
	}

	/**
	 * The intervals of a forecast at a step whose spread factor is {@code spread}, keyed
	 * by level.
	 */
	Map<String, double[]> around(double forecast, double spread) {
		Map<String, double[]> out = new LinkedHashMap<>();
		if (isEmpty()) {
			return out;
		}
		for (int i = 0; i < this.lower.length; i++) {
			out.put(Levels.key(this.levels.percents().get(i)),
					new double[] { lower(i, forecast, spread), upper(i, forecast, spread) });
		}
		return out;
	}

}
