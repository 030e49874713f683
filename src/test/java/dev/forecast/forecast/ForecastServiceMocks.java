package dev.forecast.forecast;

import dev.forecast.support.WebSliceTest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockReset;

import static org.mockito.Mockito.mock;

/**
 * The forecast services as mocks (reset after every test) for {@link WebSliceTest}, which
 * cannot name these package-private types itself.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ForecastServiceMocks {

	@Bean
	ForecastService forecastService() {
		return mock(ForecastService.class, MockReset.withSettings(MockReset.AFTER));
	}

	@Bean
	EvaluationService evaluationService() {
		return mock(EvaluationService.class, MockReset.withSettings(MockReset.AFTER));
	}

}
