package dev.forecast.ops;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The upload metrics, as a filter outside every other one. */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

	@Bean
	UploadMetrics uploadMetrics(MeterRegistry registry) {
		return new UploadMetrics(registry);
	}

	@Bean
	FilterRegistrationBean<UploadMetrics> uploadMetricsFilter(UploadMetrics metrics) {
		FilterRegistrationBean<UploadMetrics> registration = new FilterRegistrationBean<>(metrics);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
