package dev.forecast.collection;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A collection as the API shows it; after an upload or append, {@code upload} says what
 * it did.
 */
@Schema(name = "Collection")
record CollectionResponse(@Schema(example = "1") long id, @Schema(example = "m3") String name,
		@Schema(description = "Series in the collection", example = "3003") long members, Instant createdAt,
		Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Upload upload) {

	/** What one upload or append did. */
	@Schema(name = "CollectionUpload")
	record Upload(@Schema(description = "Data rows read", example = "167562") long rows,
			@Schema(description = "Ids that became new member series", example = "3003") int created,
			@Schema(description = "Ids whose existing series got the points appended", example = "0") int appended) {
	}

	static CollectionResponse of(CollectionStore.Row row, Upload upload) {
		return new CollectionResponse(row.id(), row.name(), row.members(), row.createdAt(), row.updatedAt(), upload);
	}

}
