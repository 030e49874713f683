package dev.forecast.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	/**
	 * Answer {@code Expect: 100-continue} only when the application reads the body, so
	 * that an upload refused from its headers (413, 415, 404) is never sent at all.
	 */
	@Bean
	TomcatConnectorCustomizer continueOnRead() {
		return connector -> connector.setProperty("continueResponseTiming", "onRead");
	}

}
