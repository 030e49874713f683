package dev.forecast.series;

import com.jayway.jsonpath.JsonPath;
import dev.forecast.support.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static dev.forecast.support.Problems.assertBadParameter;
import static dev.forecast.support.Problems.assertProblem;
import static dev.forecast.support.Problems.detail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every kind of bad upload or request parameter is a problem detail that says what to
 * fix, and is refused before anything reaches the store ({@link SeriesService} is never
 * called). The web layer only (a {@link WebSliceTest}); that a refused upload stores
 * nothing over real HTTP and PostgreSQL is {@link SeriesErrorsIntegrationTests}'.
 */
class SeriesRequestTests extends WebSliceTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private SeriesService service;

	@Test
	void unparseableNumberNamesLineAndColumn() throws Exception {
		String problem = rejectedCsv("""
				,Date,Monthly Mean Total Sunspot Number
				0,1749-01-31,96.7
				1,1749-02-28,lots
				""");

		assertThat(detail(problem)).contains("Line 3", "Monthly Mean Total Sunspot Number", "'lots' is not a number");
		assertThat((String) JsonPath.read(problem, "$.errors[0].field")).contains("Monthly Mean Total Sunspot Number");
	}

	@Test
	void unparseableDateNamesLineAndColumn() throws Exception {
		assertThat(detail(rejectedCsv("date,value\n2024-01-01,1\n01/02/2024,2\n"))).contains("Line 3", "'date'",
				"'01/02/2024' is not a date");
	}

	@Test
	void duplicateTimestamp() throws Exception {
		assertThat(detail(rejectedCsv("date,value\n2024-01-01,1\n2024-01-01,2\n"))).contains("Line 3",
				"repeats the one on line 2");
	}

	@Test
	void unorderedTimestamps() throws Exception {
		assertThat(detail(rejectedCsv("date,value\n2024-01-02,1\n2024-01-01,2\n"))).contains("Line 3", "earlier than",
				"sort the rows");
	}

	@Test
	void emptyFile() throws Exception {
		assertThat(detail(rejectedCsv(""))).contains("empty");
	}

	@Test
	void headerOnly() throws Exception {
		assertThat(detail(rejectedCsv("date,value\n"))).contains("header row but no data rows");
	}

	@Test
	void nanAndInfinity() throws Exception {
		assertThat(detail(rejectedCsv("date,value\n2024-01-01,1\n2024-01-02,NaN\n"))).contains("Line 3",
				"not a finite number");
		assertThat(detail(rejectedCsv("date,value\n2024-01-01,Infinity\n"))).contains("Line 2", "not a finite number");
	}

	@Test
	void noNumericColumn() throws Exception {
		assertThat(detail(rejectedCsv("date,comment\n2024-01-01,sunny\n2024-01-02,rain\n"))).contains("holds a number",
				"valueColumn");
	}

	@Test
	void malformedJson() throws Exception {
		String problem = assertProblem(json("{\"name\": \"x\", \"points\": [{\"t\": \"2024-01-01\", "), 400);

		assertThat(detail(problem)).contains("JSON", "line 1");
		verifyNoInteractions(this.service);
	}

	@Test
	void jsonWithBadFieldNamesIt() throws Exception {
		assertBadParameter(json("""
				{"points": [{"t": "2024-01-01", "v": 1}, {"t": "2024-01-02"}]}"""), "points[1].v");
		verifyNoInteractions(this.service);
	}

	@Test
	void otherMediaTypeIs415() throws Exception {
		assertProblem(this.mvc.perform(post("/series").contentType("application/xml").content("<series/>")).andReturn(),
				415);
	}

	@Test
	void badQueryParametersName() throws Exception {
		assertBadParameter(this.mvc.perform(get("/series?size=0")).andReturn(), "size");
		assertBadParameter(this.mvc.perform(get("/series?page=x")).andReturn(), "page");
		verifyNoInteractions(this.service);
		assertBadParameter(this.mvc.perform(get("/series/1/points?limit=0")).andReturn(), "limit");
		assertBadParameter(this.mvc.perform(get("/series/1/points?from=yesterday")).andReturn(), "from");
		assertBadParameter(this.mvc.perform(get("/series/1/points?from=2024-02-01&to=2024-01-01")).andReturn(), "to");
	}

	private String rejectedCsv(String csv) throws Exception {
		String problem = assertProblem(
				this.mvc.perform(post("/series").contentType(SeriesController.CSV).content(csv)).andReturn(), 400);
		verifyNoInteractions(this.service);
		return problem;
	}

	private MvcResult json(String body) throws Exception {
		return this.mvc.perform(post("/series").contentType("application/json").content(body)).andReturn();
	}

}
