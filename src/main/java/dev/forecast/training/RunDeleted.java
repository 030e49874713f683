package dev.forecast.training;

/** Published after a run (and its model) was deleted through the API. */
public record RunDeleted(long runId) {
}
