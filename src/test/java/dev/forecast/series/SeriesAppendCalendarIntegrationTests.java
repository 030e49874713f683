package dev.forecast.series;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.SharedData;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static dev.forecast.series.SeriesErrorsIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An append leaves the metadata an upload of the whole series would have, or is refused.
 */
class SeriesAppendCalendarIntegrationTests extends IntegrationTest {

	@Test
	void anOffCalendarAppendToAMonthEndSeriesIsRefusedNamingTheNextTimestamp() {
		long id = http().postCsv("/series", SharedData.SUNSPOTS).id();
		String before = http().get("/series/" + id).body();

		Response refused = http().postCsv("/series/" + id + "/points", "date,value\n2020-01-01,1\n");

		assertProblem(refused, 400);
		assertThat((String) refused.json("$.detail")).contains("2020-01-01", "MONTHLY", "2018-08-31");
		assertThat(http().get("/series/" + id).body()).isEqualTo(before);
	}

	@Test
	void anOnCalendarAppendWithAGapCountsIt() {
		long id = http().postCsv("/series", SharedData.SUNSPOTS).id();

		Response appended = http().postCsv("/series/" + id + "/points", "date,value\n2018-09-30,1\n");

		assertThat(appended.status()).as(appended.toString()).isEqualTo(200);
		assertThat((String) appended.json("$.frequency")).isEqualTo("MONTHLY");
		assertThat((Integer) appended.json("$.gaps")).isEqualTo(1);
	}

	@Test
	void anAppendOnAFinerGridGivesTheMetadataOfTheWholeUpload() {
		long appendedId = http().postCsv("/series", "date,value\n2024-01-01,1\n2024-01-03,2\n2024-01-05,3\n").id();
		Response appended = http().postCsv("/series/" + appendedId + "/points", "date,value\n2024-01-06,4\n");
		Response whole = http().postCsv("/series",
				"date,value\n2024-01-01,1\n2024-01-03,2\n2024-01-05,3\n2024-01-06,4\n");

		assertThat(appended.status()).as(appended.toString()).isEqualTo(200);
		for (String field : new String[] { "$.frequency", "$.gaps", "$.length", "$.start", "$.end", "$.stats" }) {
			assertThat((Object) appended.json(field)).as(field).isEqualTo(whole.json(field));
		}
		assertThat((String) appended.json("$.frequency")).isEqualTo("DAILY");
		assertThat((Integer) appended.json("$.gaps")).isEqualTo(2);
	}

}
