package dev.forecast.forecast;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.forecast.error.BadRequestException;

/**
 * The forecasting methods of {@code GET /forecast} and {@code GET /evaluation}, by the
 * code the API uses. Each has a {@link Forecaster} bean that implements it, or for the
 * classical models ({@link #THETA}, {@link #ETS}, {@link #ARIMA}) a
 * {@link ClassicalMethod} bean that {@link Forecasters} adapts; a method without either
 * answers 400. {@link #AUTO} combines the classical ones; {@link #NEURAL} needs a trained
 * model and is served by the training feature's forecaster when that is present.
 */
public enum Method {

	NAIVE("naive", false), SEASONAL_NAIVE("seasonal_naive", false), MOVING_AVERAGE("moving_average", false),
	DIFF_MOVING_AVERAGE("diff_moving_average", false), THETA("theta", false), ETS("ets", false), ARIMA("arima", false),
	AUTO("auto", false), NEURAL("neural", true);

	private final String code;

	private final boolean needsTraining;

	Method(String code, boolean needsTraining) {
		this.code = code;
		this.needsTraining = needsTraining;
	}

	public String code() {
		return this.code;
	}

	/**
	 * Whether the method forecasts from a trained model (and so is left out of default
	 * evaluations).
	 */
	public boolean needsTraining() {
		return this.needsTraining;
	}

	/**
	 * The method named {@code text} (case-insensitive), or a 400 naming {@code field}.
	 */
	public static Method parse(String field, String text) {
		String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		for (Method method : values()) {
			if (method.code.equals(wanted)) {
				return method;
			}
		}
		throw BadRequestException.invalid(field, "'" + text + "' is not a method; use one of " + codes());
	}

	static String codes() {
		return Arrays.stream(values()).map(Method::code).collect(Collectors.joining(", "));
	}

}
