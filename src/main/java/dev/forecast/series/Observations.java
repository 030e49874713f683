package dev.forecast.series;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Points of a series in time order, held as two primitive arrays so a million points stay
 * cheap: {@code times} are seconds since 1970-01-01T00:00 on the series' own (zone-less)
 * clock, and {@code values} the observations.
 */
public record Observations(long[] times, double[] values) {

	public Observations {
		if (times.length != values.length) {
			throw new IllegalArgumentException("times and values differ in length");
		}
	}

	public int size() {
		return this.times.length;
	}

	public boolean isEmpty() {
		return this.times.length == 0;
	}

	public LocalDateTime time(int index) {
		return toDateTime(this.times[index]);
	}

	public double value(int index) {
		return this.values[index];
	}

	public static long toEpochSecond(LocalDateTime time) {
		return time.toEpochSecond(ZoneOffset.UTC);
	}

	public static LocalDateTime toDateTime(long epochSecond) {
		return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Observations o && Arrays.equals(this.times, o.times)
				&& Arrays.equals(this.values, o.values);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.times) + Arrays.hashCode(this.values);
	}

	@Override
	public String toString() {
		return "Observations[size=" + size() + "]";
	}

}
