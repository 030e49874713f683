package dev.forecast.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI forecastOpenApi() {
		Components components = new Components()
			.addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("API key as 'Authorization: Bearer <key>'"))
			.addSecuritySchemes("apiKey",
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("X-API-Key")
						.description("API key as 'X-API-Key: <key>'"));
		return new OpenAPI().components(components)
			.addSecurityItem(new SecurityRequirement().addList("bearer"))
			.addSecurityItem(new SecurityRequirement().addList("apiKey"))
			.info(new Info().title("Forecast service")
				.version("v1")
				.description("Upload time series, get naive, moving-average and neural forecasts, and train "
						+ "Deeplearning4j forecasters as jobs on a worker pool. Every error is an RFC 9457 "
						+ "problem detail (application/problem+json). When API keys are configured, send one as "
						+ "'Authorization: Bearer <key>' or 'X-API-Key: <key>': read keys may GET, write keys may do everything.")
				.license(new License().name("Apache-2.0")));
	}

}
