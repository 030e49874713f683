package dev.forecast.series;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SeriesWebConfiguration implements WebMvcConfigurer {

	private final SeriesProperties properties;

	SeriesWebConfiguration(SeriesProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new UploadLimitInterceptor(this.properties.maxUploadSize().toBytes()))
			.addPathPatterns("/series", "/series/*/points");
	}

}
