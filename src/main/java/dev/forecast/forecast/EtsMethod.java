package dev.forecast.forecast;

import java.util.Locale;
import java.util.Map;

import dev.forecast.error.BadRequestException;
import dev.forecast.forecast.stats.Ets;
import dev.forecast.forecast.stats.FittedModel;

import org.springframework.stereotype.Component;

/**
 * {@code ets}: the exponential smoothing state space family as R's {@code forecast::ets}
 * fits and chooses it ({@link Ets}); {@code model} asks for a fixed form ({@code MAdM},
 * {@code ANN}, ...), {@code ZZZ} (the default) chooses by AICc.
 */
@Component
class EtsMethod implements ClassicalMethod {

	static final String AUTOMATIC = "ZZZ";

	@Override
	public Method method() {
		return Method.ETS;
	}

	@Override
	public Map<String, Object> options(ForecastParams params) {
		return Map.of("model", spec(params));
	}

	@Override
	public FittedModel fit(double[] y, int period, ForecastParams params) {
		return Ets.fit(y, period, spec(params));
	}

	private static String spec(ForecastParams params) {
		String model = params.model();
		if (model == null || model.isBlank()) {
			return AUTOMATIC;
		}
		String spec = model.trim().toUpperCase(Locale.ROOT).replace('D', 'd');
		if (!spec.matches("[AMZ][NAMZ]d?[NAMZ]")) {
			throw BadRequestException.invalid("model", "'" + model
					+ "' is not an ETS form: error A/M/Z, trend N/A/Ad/M/Md/Z, season N/A/M/Z, for example MAdM or ZZZ");
		}
		return spec;
	}

}
