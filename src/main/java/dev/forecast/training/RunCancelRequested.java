package dev.forecast.training;

/**
 * Published when a running run was asked to stop: a worker of this process stops it
 * within one batch.
 */
public record RunCancelRequested(long runId) {
}
