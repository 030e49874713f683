package dev.forecast.forecast;

import dev.forecast.support.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static dev.forecast.support.Problems.assertBadParameter;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The parameters of {@code /forecast} and {@code /evaluation} that are wrong whatever the
 * series are refused by the web layer (a {@link WebSliceTest}) with the parameter named,
 * before any series is read. Those that depend on the series (a window longer than it, a
 * holdout that leaves too little) are {@link ForecastIntegrationTests}'.
 */
class ForecastRequestTests extends WebSliceTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ForecastService forecasts;

	@Autowired
	private EvaluationService evaluations;

	@Test
	void badForecastParametersAreNamed() throws Exception {
		assertBadParameter(get("/forecast?series=1&method=prophet"), "method");
		assertBadParameter(get("/forecast?series=1&level=100"), "level");
		assertBadParameter(get("/forecast?series=1&level=abc"), "level");
		assertBadParameter(get("/forecast?series=1&horizon=x"), "horizon");
		assertBadParameter(get("/forecast?method=naive"), "series");
		assertBadParameter(get("/forecast?series=one"), "series");
		verifyNoInteractions(this.forecasts);
	}

	@Test
	void badEvaluationParametersAreNamed() throws Exception {
		assertBadParameter(get("/evaluation?series=1&methods=naive,prophet"), "methods");
		assertBadParameter(get("/evaluation?series=1&methods=,"), "methods");
		assertBadParameter(get("/evaluation?series=1&holdout=x"), "holdout");
		assertBadParameter(get("/evaluation?series=1&level=0"), "level");
		assertBadParameter(get("/evaluation"), "series");
		verifyNoInteractions(this.evaluations);
	}

	private MvcResult get(String url) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(url)).andReturn();
	}

}
