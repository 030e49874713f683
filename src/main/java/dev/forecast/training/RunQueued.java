package dev.forecast.training;

/** Published when a run was queued; after the commit, local idle workers are woken. */
record RunQueued(long runId) {
}
