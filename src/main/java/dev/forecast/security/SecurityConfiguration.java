package dev.forecast.security;

import java.util.Map;

import dev.forecast.error.ForbiddenException;
import dev.forecast.error.UnauthorizedException;
import dev.forecast.training.QuotaProperties;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * API-key access control. With keys configured: health probes, Swagger UI and the OpenAPI
 * document are open; GET needs a {@code read} or {@code write} key; everything else, and
 * {@code /actuator/prometheus}, needs {@code write}. Without keys the service runs open
 * and says so at start and in {@code /actuator/info}. 401 and 403 are problem details
 * from the one handler.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**",
			"/v3/api-docs", "/v3/api-docs/**", "/error", "/", "/index.html", "/favicon.ico", "/assets/**",
			"/webjars/**", "/dashboard/**" };

	@Bean
	ApiKeys apiKeys(SecurityProperties properties) {
		ApiKeys keys = ApiKeys.parse(properties.apiKeys());
		if (keys.isEmpty()) {
			log.warn("No API keys are configured (forecast.security.api-keys): the service is OPEN to anyone who "
					+ "can reach it. Configure keys before exposing it.");
		}
		else {
			log.info("API-key access control is on with {} key(s)", keys.size());
			keys.weakKeyWarning().ifPresent(log::warn);
		}
		return keys;
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, QuotaProperties quota,
			SecurityProperties properties, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
			throws Exception {
		FailedAuthenticationThrottle throttle = new FailedAuthenticationThrottle(
				properties.failedAuthenticationsPerMinute());
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterAfter(new ApiKeyFilter(keys, throttle, resolver), SecurityContextHolderFilter.class)
			.addFilterAfter(new SubmissionRateLimitFilter(quota, resolver), AuthorizationFilter.class)
			.exceptionHandling(
					e -> e.authenticationEntryPoint(entryPoint(resolver)).accessDeniedHandler(accessDenied(resolver)));
		if (keys.isEmpty()) {
			http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
		}
		else {
			// the dispatch that writes an asynchronous request's result (/evaluation) was
			// authorized as the request itself
			http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers(OPEN)
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.hasAuthority(Scope.WRITE_AUTHORITY)
				.requestMatchers(HttpMethod.GET, "/**")
				.hasAnyAuthority(Scope.READ_AUTHORITY, Scope.WRITE_AUTHORITY)
				.requestMatchers(HttpMethod.HEAD, "/**")
				.hasAnyAuthority(Scope.READ_AUTHORITY, Scope.WRITE_AUTHORITY)
				.anyRequest()
				.hasAuthority(Scope.WRITE_AUTHORITY));
		}
		return http.build();
	}

	private static AuthenticationEntryPoint entryPoint(HandlerExceptionResolver resolver) {
		return (request, response, ex) -> {
			response.addHeader("WWW-Authenticate", "Bearer realm=\"forecast-service\"");
			response.addHeader("WWW-Authenticate", "ApiKey realm=\"forecast-service\", header=\"X-API-Key\"");
			String detail = request.getAttribute(ApiKeyFilter.UNKNOWN_KEY) != null
					? "The API key sent is not known. Send a configured key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'."
					: "This endpoint needs an API key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.";
			resolver.resolveException(request, response, null, new UnauthorizedException(detail));
		};
	}

	private static AccessDeniedHandler accessDenied(HandlerExceptionResolver resolver) {
		return (request, response, ex) -> resolver.resolveException(request, response, null,
				new ForbiddenException("This API key has the read scope; " + request.getMethod() + " "
						+ request.getRequestURI() + " needs a key with the write scope."));
	}

	@Bean
	InfoContributor securityInfo(ApiKeys keys) {
		return builder -> builder.withDetail("security",
				keys.isEmpty()
						? Map.of("mode", "open", "warning",
								"no API keys configured: anyone who can reach the service may use it")
						: Map.of("mode", "api-keys", "keys", keys.size()));
	}

}
