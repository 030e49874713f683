package dev.forecast.series;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp.RawResponse;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad upload over real HTTP stores nothing; bodies over the upload limit are refused
 * before they are sent; unknown ids are 404. Every other kind of bad upload or parameter
 * is {@link SeriesRequestTests}' (the web layer alone).
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
	void malformedJson() {
		long before = total();
		Response problem = http().postJson("/series", "{\"name\": \"x\", \"points\": [{\"t\": \"2024-01-01\", ");

		assertProblem(problem, 400);
		assertThat((String) problem.json("$.detail")).contains("JSON", "line 1");
		assertThat(total()).isEqualTo(before);
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
