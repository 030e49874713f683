package dev.forecast.series;

import java.util.List;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.SharedData;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeriesUploadIntegrationTests extends IntegrationTest {

	@Test
	void sunspotsCsvBodyAsItIs() {
		Response created = http().postCsv("/series?name=sunspots", SharedData.SUNSPOTS);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/series/" + created.id());
		assertSunspots(created);
		assertSunspots(http().get("/series/" + created.id()));
	}

	@Test
	void sunspotsAsMultipartFileTakesTheFileName() {
		Response created = http().postFile("/series", SharedData.SUNSPOTS);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat((String) created.json("$.name")).isEqualTo("sunspots");
		assertSunspots(created);
	}

	@Test
	void airlinePassengersMonthStart() {
		Response created = http().postCsv("/series?name=airline", SharedData.AIRLINE);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat((Integer) created.json("$.length")).isEqualTo(144);
		assertThat((String) created.json("$.start")).isEqualTo("1949-01-01");
		assertThat((String) created.json("$.end")).isEqualTo("1960-12-01");
		assertThat((String) created.json("$.frequency")).isEqualTo("MONTHLY");
		assertThat((Integer) created.json("$.gaps")).isZero();
	}

	@Test
	void jsonPoints() {
		Response created = http().postJson("/series", """
				{"name": "hourly", "points": [{"t": "2016-07-01 00:00:00", "v": 1.5},
				  {"t": "2016-07-01 01:00:00", "v": 2.5}, {"t": "2016-07-01 02:00:00", "v": 3.5}]}""");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat((String) created.json("$.name")).isEqualTo("hourly");
		assertThat((String) created.json("$.frequency")).isEqualTo("HOURLY");
		assertThat((String) created.json("$.start")).isEqualTo("2016-07-01T00:00:00");
		assertThat((Double) created.json("$.stats.mean")).isEqualTo(2.5);
	}

	@Test
	void jsonStartFrequencyValuesKeepsMonthEnds() {
		Response created = http().postJson("/series",
				"""
						{"name": "ends", "start": "1749-01-31", "frequency": "MONTHLY", "values": [96.7, 104.3, 116.7, 92.8]}""");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat((String) created.json("$.end")).isEqualTo("1749-04-30");
		Response points = http().get("/series/" + created.id() + "/points");
		assertThat((List<String>) points.json("$.points[*].t")).containsExactly("1749-01-31", "1749-02-28",
				"1749-03-31", "1749-04-30");
	}

	@Test
	void dailySeriesWithMissingDaysCountsGapsAndKeepsThePoints() {
		Response created = http().postCsv("/series", """
				day,value
				2024-01-01,1
				2024-01-02,2
				2024-01-04,4
				2024-01-05,5
				2024-01-07,7
				""");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat((String) created.json("$.frequency")).isEqualTo("DAILY");
		assertThat((Integer) created.json("$.gaps")).isEqualTo(2);
		assertThat((Integer) created.json("$.length")).isEqualTo(5);
	}

	private static void assertSunspots(Response series) {
		assertThat((Integer) series.json("$.length")).isEqualTo(3235);
		assertThat((String) series.json("$.start")).isEqualTo("1749-01-31");
		assertThat((String) series.json("$.end")).isEqualTo("2018-07-31");
		assertThat((String) series.json("$.frequency")).isEqualTo("MONTHLY");
		assertThat((Integer) series.json("$.gaps")).isZero();
		assertThat((Double) series.json("$.stats.mean")).isCloseTo(82.48, within(0.005));
	}

}
