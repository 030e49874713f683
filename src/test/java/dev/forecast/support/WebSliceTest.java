package dev.forecast.support;

import dev.forecast.forecast.ForecastServiceMocks;
import dev.forecast.series.SeriesProperties;
import dev.forecast.series.SeriesService;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Base of the web slice tests: the series and forecast controllers and the one
 * problem-details handler ({@code ApiExceptionHandler}) over MockMvc, with the services
 * behind them mocked; no database, no security filters (those are
 * {@code AccessAndLimitsIntegrationTests}') and no upload limit filter (its 413 is
 * {@code SeriesErrorsIntegrationTests}'). Every web slice test shares this one
 * configuration, so they share one application context.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "dev\\.forecast\\.series\\.SeriesController", "dev\\.forecast\\.forecast\\.ForecastController",
				"dev\\.forecast\\.web\\.ApiExceptionHandler" }))
@AutoConfigureMockMvc(addFilters = false)
@EnableConfigurationProperties(SeriesProperties.class)
@MockitoBean(types = SeriesService.class)
@Import(ForecastServiceMocks.class)
public abstract class WebSliceTest {

}
