package dev.forecast.series;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp.RawResponse;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad upload is a problem detail that says what to fix, and stores nothing.
 */
class SeriesErrorsIntegrationTests extends IntegrationTest {

	@Test
	void unparseableNumberNamesLineAndColumn() {
		Response problem = rejectedCsv("""
				,Date,Monthly Mean Total Sunspot Number
				0,1749-01-31,96.7
				1,1749-02-28,lots
				""", 400);

		assertThat((String) problem.json("$.detail")).contains("Line 3", "Monthly Mean Total Sunspot Number",
				"'lots' is not a number");
		assertThat((String) problem.json("$.errors[0].field")).contains("Monthly Mean Total Sunspot Number");
	}

	@Test
	void unparseableDateNamesLineAndColumn() {
		Response problem = rejectedCsv("date,value\n2024-01-01,1\n01/02/2024,2\n", 400);

		assertThat((String) problem.json("$.detail")).contains("Line 3", "'date'", "'01/02/2024' is not a date");
	}

	@Test
	void duplicateTimestamp() {
		Response problem = rejectedCsv("date,value\n2024-01-01,1\n2024-01-01,2\n", 400);

		assertThat((String) problem.json("$.detail")).contains("Line 3", "repeats the one on line 2");
	}

	@Test
	void unorderedTimestamps() {
		Response problem = rejectedCsv("date,value\n2024-01-02,1\n2024-01-01,2\n", 400);

		assertThat((String) problem.json("$.detail")).contains("Line 3", "earlier than", "sort the rows");
	}

	@Test
	void emptyFile() {
		Response problem = rejectedCsv("", 400);

		assertThat((String) problem.json("$.detail")).contains("empty");
	}

	@Test
	void headerOnly() {
		Response problem = rejectedCsv("date,value\n", 400);

		assertThat((String) problem.json("$.detail")).contains("header row but no data rows");
	}

	@Test
	void nanAndInfinity() {
		assertThat((String) rejectedCsv("date,value\n2024-01-01,1\n2024-01-02,NaN\n", 400).json("$.detail"))
			.contains("Line 3", "not a finite number");
		assertThat((String) rejectedCsv("date,value\n2024-01-01,Infinity\n", 400).json("$.detail")).contains("Line 2",
				"not a finite number");
	}

	@Test
	void noNumericColumn() {
		Response problem = rejectedCsv("date,comment\n2024-01-01,sunny\n2024-01-02,rain\n", 400);

		assertThat((String) problem.json("$.detail")).contains("holds a number", "valueColumn");
	}

	@Test
	void malformedJson() {
		long before = total();
		Response problem = http().postJson("/series", "{\"name\": \"x\", \"points\": [{\"t\": \"2024-01-01\", ");

		assertProblem(problem, 400);
		assertThat((String) problem.json("$.detail")).contains("JSON", "line 1");
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void jsonWithBadFieldNamesIt() {
		Response problem = http().postJson("/series", """
				{"points": [{"t": "2024-01-01", "v": 1}, {"t": "2024-01-02"}]}""");

		assertProblem(problem, 400);
		assertThat((String) problem.json("$.errors[0].field")).isEqualTo("points[1].v");
	}

	@Test
	void otherMediaTypeIs415() {
		Response problem = http().post("/series", "application/xml", "<series/>");

		assertProblem(problem, 415);
	}

	@Test
	void csvBodyOverTheLimitIs413BeforeItIsSent() {
		RawResponse answer = http().headOnly("POST", "/series", "text/csv", 50L * 1024 * 1024 + 1);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.headers()).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer.body()).contains("50 MB", "forecast.series.max-upload-size");
	}

	@Test
	void multipartOverTheLimitIs413BeforeItIsSent() {
		RawResponse answer = http().headOnly("POST", "/series", "multipart/form-data; boundary=x",
				50L * 1024 * 1024 + 1);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("max-upload-size");
	}

	@Test
	void unknownIdIs404() {
		assertProblem(http().get("/series/987654321"), 404);
		assertProblem(http().get("/series/987654321/points"), 404);
		assertProblem(http().delete("/series/987654321"), 404);
		assertProblem(http().postCsv("/series/987654321/points", "date,value\n2024-01-01,1\n"), 404);
	}

	@Test
	void badQueryParametersName() {
		Response problem = http().get("/series?size=0");

		assertProblem(problem, 400);
		assertThat((String) problem.json("$.errors[0].field")).isEqualTo("size");
		assertThat((String) http().get("/series?page=x").json("$.errors[0].field")).isEqualTo("page");
	}

	private Response rejectedCsv(String csv, int status) {
		long before = total();
		Response problem = http().postCsv("/series", csv);
		assertProblem(problem, status);
		assertThat(total()).as("a failed upload stores nothing").isEqualTo(before);
		return problem;
	}

	private long total() {
		return ((Number) http().get("/series?size=1").json("$.total")).longValue();
	}

	static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat((Integer) response.json("$.status")).isEqualTo(status);
		assertThat((String) response.json("$.title")).isNotBlank();
		assertThat((String) response.json("$.detail")).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "\tat ");
	}

}
