package dev.forecast.training;

/** Published when a run was queued; after the commit, local idle workers are woken. */
public record RunQueued(long runId) {
}
