package dev.forecast.series;

import java.util.List;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.SharedData;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static dev.forecast.series.SeriesErrorsIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class SeriesPointsIntegrationTests extends IntegrationTest {

	@Test
	void readsRangesWithLimitAsJsonAndCsv() {
		long id = http().postCsv("/series", SharedData.SUNSPOTS).id();

		Response range = http().get("/series/" + id + "/points?from=2018-01-01&to=2018-12-31");
		assertThat((List<String>) range.json("$.points[*].t")).hasSize(7)
			.startsWith("2018-01-31")
			.endsWith("2018-07-31");

		Response limited = http().get("/series/" + id + "/points?limit=2");
		assertThat((List<Double>) limited.json("$.points[*].v")).containsExactly(96.7, 104.3);

		Response csv = http().get("/series/" + id + "/points?from=2018-06-01", "text/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).isEqualTo("t,v\n2018-06-30,15.9\n2018-07-31,1.6\n");

		Response all = http().get("/series/" + id + "/points");
		assertThat((List<Object>) all.json("$.points")).hasSize(3235);
	}

	@Test
	void appendsAfterTheLastPointAndUpdatesStats() {
		long id = http().postJson("/series", """
				{"name": "a", "start": "2024-01-01", "frequency": "DAILY", "values": [1, 2, 3]}""").id();

		Response appended = http().postCsv("/series/" + id + "/points", "date,value\n2024-01-04,4\n2024-01-06,6\n");

		assertThat(appended.status()).as(appended.toString()).isEqualTo(200);
		assertThat((Integer) appended.json("$.length")).isEqualTo(5);
		assertThat((String) appended.json("$.end")).isEqualTo("2024-01-06");
		assertThat((Integer) appended.json("$.gaps")).isEqualTo(1);
		assertThat((Double) appended.json("$.stats.mean")).isEqualTo(3.2);
		assertThat((Double) appended.json("$.stats.max")).isEqualTo(6.0);
		assertThat((List<Double>) http().get("/series/" + id + "/points").json("$.points[*].v")).containsExactly(1.0,
				2.0, 3.0, 4.0, 6.0);
	}

	@Test
	void appendIsAtomic() {
		long id = http().postJson("/series", """
				{"name": "b", "start": "2024-01-01", "frequency": "DAILY", "values": [1, 2, 3]}""").id();
		String seriesBefore = http().get("/series/" + id).body();
		String pointsBefore = http().get("/series/" + id + "/points").body();

		assertProblem(http().postCsv("/series/" + id + "/points", "date,value\n2024-01-03,9\n2024-01-04,4\n"), 409);
		assertProblem(http().postCsv("/series/" + id + "/points", "date,value\n2024-01-04,4\n2024-01-05,oops\n"), 400);
		assertProblem(http().postJson("/series/" + id + "/points", """
				{"points": [{"t": "2024-01-05", "v": 5}, {"t": "2024-01-04", "v": 4}]}"""), 400);

		assertThat(http().get("/series/" + id).body()).isEqualTo(seriesBefore);
		assertThat(http().get("/series/" + id + "/points").body()).isEqualTo(pointsBefore);
	}

	@Test
	void listsNewestFirstWithPaging() {
		long first = http().postJson("/series", "{\"name\": \"p1\", \"points\": [{\"t\": \"2024-01-01\", \"v\": 1}]}")
			.id();
		long second = http().postJson("/series", "{\"name\": \"p2\", \"points\": [{\"t\": \"2024-01-01\", \"v\": 1}]}")
			.id();

		Response page = http().get("/series?page=0&size=2");

		assertThat((List<Integer>) page.json("$.items[*].id")).containsExactly((int) second, (int) first);
		assertThat((Integer) page.json("$.size")).isEqualTo(2);
		assertThat(((Number) page.json("$.total")).longValue()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void deleteRemovesTheSeriesAndItsPoints() {
		long id = http().postCsv("/series", SharedData.AIRLINE).id();

		assertThat(http().delete("/series/" + id).status()).isEqualTo(204);

		assertProblem(http().get("/series/" + id), 404);
		assertProblem(http().get("/series/" + id + "/points"), 404);
	}

}
