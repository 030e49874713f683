package dev.forecast.series;

/**
 * Points read from an upload, before they are stored. {@code dateOnly} is true when every
 * timestamp was written as a date, so the API writes them back as dates.
 */
public record ParsedSeries(Observations points, boolean dateOnly) {
}
