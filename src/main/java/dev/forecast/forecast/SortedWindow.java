package dev.forecast.forecast;

import java.util.Arrays;

/**
 * A multiset of numbers kept sorted, for the quantiles of a sliding window of residuals:
 * adding and removing cost one binary search and one array shift, so a backtest need not
 * sort the window again at every origin.
 */
final class SortedWindow {

	private double[] values;

	private int size;

	SortedWindow(int capacity) {
		this.values = new double[Math.max(1, capacity)];
	}

	void add(double value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		int at = position(value);
		System.arraycopy(this.values, at, this.values, at + 1, this.size - at);
		this.values[at] = value;
		this.size++;
	}

	void remove(double value) {
		int at = position(value);
		if (at >= this.size || Double.compare(this.values[at], value) != 0) {
			throw new IllegalArgumentException(value + " is not in the window");
		}
		System.arraycopy(this.values, at + 1, this.values, at, this.size - at - 1);
		this.size--;
	}

	int size() {
		return this.size;
	}

	/** The {@code p}-quantile, as {@link Intervals#quantile} computes it. */
	double quantile(double p) {
		double position = p * (this.size - 1);
		int below = (int) Math.floor(position);
		int above = Math.min(below + 1, this.size - 1);
		return this.values[below] + (position - below) * (this.values[above] - this.values[below]);
	}

	/** The first index whose value is not less than {@code value}. */
	private int position(double value) {
		int lo = 0;
		int hi = this.size;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (Double.compare(this.values[mid], value) < 0) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
