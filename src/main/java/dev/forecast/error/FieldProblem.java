package dev.forecast.error;

/**
 * One invalid field or parameter of a request, as listed in a problem detail's
 * {@code errors}.
 */
public record FieldProblem(String field, String message) {
}
