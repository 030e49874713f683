package dev.forecast.series;

import java.util.List;

/** One page of series, newest first. */
public record SeriesPage(List<SeriesResponse> items, int page, int size, long total) {
}
