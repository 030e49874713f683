package dev.forecast.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI forecastOpenApi() {
		return new OpenAPI().info(new Info().title("Forecast service")
			.version("v1")
			.description("Upload time series, get naive, moving-average and neural forecasts, and train "
					+ "Deeplearning4j forecasters as jobs on a worker pool. Every error is an RFC 9457 "
					+ "problem detail (application/problem+json).")
			.license(new License().name("Apache-2.0")));
	}

}
