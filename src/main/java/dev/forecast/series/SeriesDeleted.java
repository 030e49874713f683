package dev.forecast.series;

/** Published inside the transaction that deletes a series, before its row goes. */
public record SeriesDeleted(long seriesId) {
}
