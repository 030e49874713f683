package dev.forecast.collection;

import java.util.List;

import dev.forecast.series.SeriesUpload;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A collection sent as JSON: its series, each as {@code POST /series} takes it, with
 * {@code name} as the member's id.
 */
@Schema(name = "CollectionUploadBody", example = """
		{"name": "shops", "series": [
		  {"name": "A", "start": "2024-01-01", "frequency": "DAILY", "values": [1, 2, 3]},
		  {"name": "B", "points": [{"t": "2024-01-01", "v": 5}, {"t": "2024-01-02", "v": 6}]}]}""")
record CollectionUpload(@Schema(description = "Name of the collection", example = "shops") String name,
		@Schema(description = "The members: name is each one's id") List<SeriesUpload> series) {
}
