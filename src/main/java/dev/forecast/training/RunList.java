package dev.forecast.training;

import java.util.List;

/** Runs, best validation MAE first. */
public record RunList(List<Run> items) {
}
