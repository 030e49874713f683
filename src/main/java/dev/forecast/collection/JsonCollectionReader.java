package dev.forecast.collection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.forecast.error.ApiException;
import dev.forecast.error.BadRequestException;
import dev.forecast.error.PayloadTooLargeException;
import dev.forecast.series.JsonSeriesReader;
import dev.forecast.series.LongTable;
import dev.forecast.series.SeriesUpload;

/** Reads a JSON {@link CollectionUpload} into one series per id, naming a bad member. */
final class JsonCollectionReader {

	private JsonCollectionReader() {
	}

	static LongTable read(CollectionUpload upload, long maxRows) {
		if (upload.series() == null || upload.series().isEmpty()) {
			throw BadRequestException.invalid("series", "must hold at least one series ({\"name\": id, ...})");
		}
		List<LongTable.Member> members = new ArrayList<>(upload.series().size());
		Set<String> seen = new HashSet<>();
		long rows = 0;
		for (int i = 0; i < upload.series().size(); i++) {
			SeriesUpload series = upload.series().get(i);
			String field = "series[" + i + "]";
			if (series == null || series.name() == null || series.name().isBlank()) {
				throw BadRequestException.invalid(field + ".name", "is required: it is the member's id");
			}
			String id = series.name().trim();
			if (!seen.add(id)) {
				throw BadRequestException.invalid(field + ".name", "id '" + id + "' is given twice");
			}
			try {
				members.add(new LongTable.Member(id, JsonSeriesReader.read(series)));
			}
			catch (ApiException ex) {
				throw new MemberException(id, ex);
			}
			rows += members.get(i).series().points().size();
			if (rows > maxRows) {
				throw new PayloadTooLargeException("The upload has more than " + maxRows
						+ " points, the limit of one upload (forecast.collection.max-upload-rows).");
			}
		}
		return new LongTable(members, rows);
	}

}
