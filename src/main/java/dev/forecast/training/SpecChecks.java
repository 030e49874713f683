package dev.forecast.training;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.forecast.error.FieldProblem;

/**
 * The field checks a training spec is resolved with: each adds a {@link FieldProblem}
 * naming the field to {@code errors} instead of throwing, so one answer lists every bad
 * field.
 */
final class SpecChecks {

	private SpecChecks() {
	}

	static void oneOf(List<FieldProblem> errors, String field, String value, Collection<String> allowed) {
		if (!allowed.contains(value)) {
			errors.add(new FieldProblem(field, "unknown value '" + value + "'; one of " + String.join(", ", allowed)));
		}
	}

	static void range(List<FieldProblem> errors, String field, int value, int min, int max) {
		if (value < min || value > max) {
			errors.add(new FieldProblem(field, "must be between " + min + " and " + max + " (got " + value + ")"));
		}
	}

	static double nonNegative(List<FieldProblem> errors, String field, double value) {
		if (!(value >= 0) || Double.isInfinite(value)) {
			errors.add(new FieldProblem(field, "must be 0 or more"));
		}
		return value;
	}

	static void positiveOrNull(List<FieldProblem> errors, String field, Double value) {
		if (value != null && !(value > 0 && Double.isFinite(value))) {
			errors.add(new FieldProblem(field, "must be positive (or absent)"));
		}
	}

	static String lower(String value) {
		return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
	}

	static <T> T or(T value, T fallback) {
		return value == null ? fallback : value;
	}

	/** A value in [0, 1). */
	static double fraction(List<FieldProblem> errors, String field, double value) {
		if (!(value >= 0 && value < 1)) {
			errors.add(new FieldProblem(field, "must be at least 0 and below 1 (got " + value + ")"));
		}
		return value;
	}

}
