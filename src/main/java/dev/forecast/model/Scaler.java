package dev.forecast.model;

import java.util.List;

/**
 * A normalization of series values, {@code (x - offset) / scale}, fitted on the training
 * part only.
 *
 * @param type {@code window} (per window, see {@link WindowTransform}; here offset 0 and
 * the floor of a window's scale), {@code zscore} (mean, standard deviation),
 * {@code minmax} (min, range) or {@code none}
 * @param offset subtracted first
 * @param scale divided by next
 */
public record Scaler(String type, double offset, double scale) {

	public static final List<String> TYPES = List.of("window", "zscore", "minmax", "none");

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
			case "window" -> {
				// the floor of a window's scale: a tenth of the standard deviation of the
				// steps
				double mean = 0;
				for (int i = 1; i < count; i++) {
					mean += (values[i] - values[i - 1] - mean) / i;
				}
				double squares = 0;
				for (int i = 1; i < count; i++) {
					double d = values[i] - values[i - 1] - mean;
					squares += d * d;
				}
				double std = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
				yield new Scaler(type, 0, std > 0 ? 0.1 * std : 1);
			}
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
