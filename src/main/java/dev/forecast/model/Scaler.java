package dev.forecast.model;

import java.util.List;

/**
 * A normalization of series values, {@code (x - offset) / scale}, fitted on the training part only.
 *
 * @param type {@code zscore} (mean, standard deviation), {@code minmax} (min, range) or {@code none}
 * @param offset subtracted first
 * @param scale divided by next
 */
public record Scaler(String type, double offset, double scale) {

	public static final List<String> TYPES = List.of("zscore", "minmax", "none");

	public Scaler {
		if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(offset)) {
			throw new IllegalArgumentException("scale must be positive and finite, offset finite");
		}
	}

	/** Fits {@code type} on {@code values[0, count)}. A constant part gets scale 1. */
	public static Scaler fit(String type, double[] values, int count) {
		return switch (type) {
			case "zscore" -> {
				double mean = 0;
				for (int i = 0; i < count; i++) {
					mean += (values[i] - mean) / (i + 1);
				}
				double squares = 0;
				for (int i = 0; i < count; i++) {
					squares += (values[i] - mean) * (values[i] - mean);
				}
				double std = Math.sqrt(squares / count);
				yield new Scaler(type, mean, std > 0 ? std : 1);
			}
			case "minmax" -> {
				double min = Double.POSITIVE_INFINITY;
				double max = Double.NEGATIVE_INFINITY;
				for (int i = 0; i < count; i++) {
					min = Math.min(min, values[i]);
					max = Math.max(max, values[i]);
				}
				yield new Scaler(type, min, max > min ? max - min : 1);
			}
			case "none" -> new Scaler(type, 0, 1);
			default -> throw new IllegalArgumentException("unknown normalization '" + type + "'");
		};
	}

	public double normalize(double value) {
		return (value - this.offset) / this.scale;
	}

	public double restore(double normalized) {
		return normalized * this.scale + this.offset;
	}

}
