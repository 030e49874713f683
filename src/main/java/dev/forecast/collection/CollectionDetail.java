package dev.forecast.collection;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A collection with one page of its members, in the order they joined. */
@Schema(name = "CollectionDetail")
record CollectionDetail(@Schema(example = "1") long id, @Schema(example = "m3") String name, Instant createdAt,
		Instant updatedAt, List<Member> members, int page, int size,
		@Schema(description = "Members in all", example = "3003") long total) {

	/** A member series: its id in the uploads and the series' metadata. */
	@Schema(name = "CollectionMember")
	record Member(@Schema(example = "N1402") String id,
			@Schema(description = "The series (GET /series/{id})", example = "17") long series,
			@Schema(example = "126") long length, @Schema(example = "2000-01-01") String start,
			@Schema(example = "2010-06-01") String end, @Schema(example = "MONTHLY", nullable = true) String frequency,
			@Schema(example = "0") long gaps) {
	}

}
