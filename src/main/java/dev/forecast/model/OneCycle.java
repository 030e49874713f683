package dev.forecast.model;

import java.util.Objects;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * The 1cycle schedule (Smith 2018, as the course writes it), per iteration over the whole
 * training of {@code total} iterations: the rate rises linearly from {@code start} to
 * {@code max} during the first 45%, falls back to {@code start} during the next 45%, and
 * drops linearly to {@code start / 1000} during the last 10%.
 */
public class OneCycle implements ISchedule {

	private static final long serialVersionUID = 1L;

	/** Fields are non-final for DL4J's JSON configuration mapper. */
	private double start;

	private double max;

	private int total;

	/** For DL4J's JSON configuration mapper. */
	public OneCycle() {
	}

	public OneCycle(double start, double max, int total) {
		this.start = start;
		this.max = max;
		this.total = Math.max(1, total);
	}

	@Override
	public double valueAt(int iteration, int epoch) {
		int half = (int) (this.total * 0.45);
		if (iteration < half) {
			return interpolate(iteration, 0, half, this.start, this.max);
		}
		if (iteration < 2 * half) {
			return interpolate(iteration, half, 2 * half, this.max, this.start);
		}
		return interpolate(Math.min(iteration, this.total), 2 * half, this.total, this.start, this.start / 1000);
	}

	private static double interpolate(int iteration, int from, int to, double a, double b) {
		return (to <= from) ? b : a + (b - a) * (iteration - from) / (to - from);
	}

	@Override
	public ISchedule clone() {
		return new OneCycle(this.start, this.max, this.total);
	}

	public double getStart() {
		return this.start;
	}

	public void setStart(double start) {
		this.start = start;
	}

	public double getMax() {
		return this.max;
	}

	public void setMax(double max) {
		this.max = max;
	}

	public int getTotal() {
		return this.total;
	}

	public void setTotal(int total) {
		this.total = total;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OneCycle o && o.start == this.start && o.max == this.max && o.total == this.total;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.start, this.max, this.total);
	}

	@Override
	public String toString() {
		return "OneCycle(start=" + this.start + ", max=" + this.max + ", total=" + this.total + ")";
	}

}
