package dev.forecast.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.forecast.forecast.Method;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * {@code http.server.requests} with one more tag, {@code forecast.method}: the method of
 * a {@code /forecast} ({@code auto} when none is given), the one method of an
 * {@code /evaluation} ({@code default} when none is given, {@code several} for more than
 * one), {@code invalid} for an unknown name and {@code none} on every other endpoint.
 */
@Component
class ForecastMethodConvention extends DefaultServerRequestObservationConvention {

	static final String KEY = "forecast.method";

	private static final Set<String> METHODS = Arrays.stream(Method.values())
		.map(Method::code)
		.collect(Collectors.toUnmodifiableSet());

	@Override
	public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(KeyValue.of(KEY, forecastMethod(context)));
	}

	private static String forecastMethod(ServerRequestObservationContext context) {
		String pattern = context.getPathPattern();
		HttpServletRequest request = context.getCarrier();
		if ("/forecast".equals(pattern)) {
			return known(request.getParameter("method"), "auto");
		}
		if ("/evaluation".equals(pattern)) {
			String methods = request.getParameter("methods");
			if (methods != null && methods.contains(",")) {
				return "several";
			}
			return known(methods, "default");
		}
		return "none";
	}

	private static String known(String method, String absent) {
		if (method == null || method.isBlank()) {
			return absent;
		}
		String trimmed = method.trim().toLowerCase(Locale.ROOT);
		return METHODS.contains(trimmed) ? trimmed : "invalid";
	}

}
