package dev.forecast.series;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import dev.forecast.support.StoreTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The series storage on the real PostgreSQL (a {@link StoreTest}: the entity, its
 * repository, {@link PointStore} and {@link SeriesService}, nothing of the web). Reads of
 * a series race with deletes and appends: metadata is read first and the points after, as
 * forecasts and evaluations do. Each test puts the write between the two reads.
 */
class SeriesStoreTests extends StoreTest {

	@Autowired
	private SeriesService series;

	private Series stored(int length) {
		StringBuilder csv = new StringBuilder("date,value\n");
		LocalDateTime day = LocalDateTime.of(2024, 1, 1, 0, 0);
		for (int i = 0; i < length; i++) {
			csv.append(day.plusDays(i).toLocalDate()).append(',').append(i).append('\n');
		}
		return this.series.create("race", parse(csv.toString()));
	}

	private static ParsedSeries parse(String csv) {
		return CsvSeriesParser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null);
	}

	@Test
	void aTailReadAfterADeleteIsNotFoundNotAShortRead() {
		Series metadata = this.series.get(stored(50).getId());
		this.series.delete(metadata.getId());

		assertThatThrownBy(() -> this.series.tail(SeriesView.of(metadata), 20))
			.isInstanceOf(SeriesNotFoundException.class);
	}

	@Test
	void pointsAndRangesOfADeletedSeriesAreNotFound() {
		long id = stored(10).getId();
		this.series.delete(id);

		assertThatThrownBy(() -> this.series.points(id)).isInstanceOf(SeriesNotFoundException.class);
		assertThatThrownBy(() -> this.series.range(id, null, null, 100)).isInstanceOf(SeriesNotFoundException.class);
	}

	@Test
	void aTailReadAfterAnAppendIsTheTailOfTheMetadataRead() {
		Series metadata = this.series.get(stored(50).getId());
		this.series.append(metadata.getId(), parse("date,value\n2024-02-20,50\n2024-02-21,51\n"));

		Observations tail = this.series.tail(SeriesView.of(metadata), 20);

		assertThat(tail.size()).isEqualTo(20);
		assertThat(tail.values()[19]).isEqualTo(49.0);
		assertThat(this.series.tail(SeriesView.of(this.series.get(metadata.getId())), 20).values()[19]).isEqualTo(51.0);
	}

}
