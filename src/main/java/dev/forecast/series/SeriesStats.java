package dev.forecast.series;

/**
 * Count, mean, sum of squared deviations from the mean ({@code m2}), minimum and maximum
 * of a series, kept so that two parts combine exactly (Chan et al.) and appends need not
 * re-read the stored points.
 */
public record SeriesStats(long count, double mean, double m2, double min, double max) {

	public static SeriesStats of(double[] values) {
		double mean = 0;
		double m2 = 0;
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < values.length; i++) {
			double x = values[i];
			double delta = x - mean;
			mean += delta / (i + 1);
			m2 += delta * (x - mean);
			min = Math.min(min, x);
			max = Math.max(max, x);
		}
		return new SeriesStats(values.length, mean, m2, min, max);
	}

	public SeriesStats combine(SeriesStats other) {
		if (other.count == 0) {
			return this;
		}
		if (this.count == 0) {
			return other;
		}
		long n = this.count + other.count;
		double delta = other.mean - this.mean;
		double mean = this.mean + delta * other.count / n;
		double m2 = this.m2 + other.m2 + delta * delta * ((double) this.count * other.count / n);
		return new SeriesStats(n, mean, m2, Math.min(this.min, other.min), Math.max(this.max, other.max));
	}

	/** Sample standard deviation (n - 1 in the denominator); 0 for a single point. */
	public double std() {
		return this.count > 1 ? Math.sqrt(this.m2 / (this.count - 1)) : 0.0;
	}

}
