package dev.forecast.series;

import java.util.Arrays;

/** Grows {@link Observations} one point at a time without boxing. */
final class ObservationsBuilder {

	private long[] times;

	private double[] values;

	private int size;

	ObservationsBuilder(int capacity) {
		this.times = new long[Math.max(16, capacity)];
		this.values = new double[this.times.length];
	}

	void add(long time, double value) {
		if (this.size == this.times.length) {
			int grown = this.size + (this.size >> 1);
			this.times = Arrays.copyOf(this.times, grown);
			this.values = Arrays.copyOf(this.values, grown);
		}
		this.times[this.size] = time;
		this.values[this.size] = value;
		this.size++;
	}

	int size() {
		return this.size;
	}

	long lastTime() {
		return this.times[this.size - 1];
	}

	Observations build() {
		return new Observations(Arrays.copyOf(this.times, this.size), Arrays.copyOf(this.values, this.size));
	}

}
