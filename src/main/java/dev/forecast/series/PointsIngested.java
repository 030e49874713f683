package dev.forecast.series;

/**
 * Points were stored by an upload or an append (published inside its transaction;
 * listeners that count committed points listen after commit).
 *
 * @param points how many points
 * @param append whether they were appended to an existing series
 */
public record PointsIngested(int points, boolean append) {
}
