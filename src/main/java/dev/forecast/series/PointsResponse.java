package dev.forecast.series;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Points of a series, oldest first. */
public record PointsResponse(List<Point> points) {

	public record Point(@Schema(example = "1749-01-31") String t, @Schema(example = "96.7") double v) {
	}

	static PointsResponse of(Observations points, boolean dateOnly) {
		List<Point> out = new ArrayList<>(points.size());
		for (int i = 0; i < points.size(); i++) {
			out.add(new Point(TimeFormat.format(points.times()[i], dateOnly), points.values()[i]));
		}
		return new PointsResponse(out);
	}

}
