package dev.forecast.forecast;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.ConflictException;

import org.springframework.stereotype.Component;

/**
 * The registry of {@link Forecaster} beans, one per {@link Method}, and of the
 * {@link ClassicalMethod} beans, each adapted by a {@link ClassicalForecaster}.
 */
@Component
class Forecasters {

	private final Map<Method, Forecaster> byMethod = new EnumMap<>(Method.class);

	Forecasters(List<Forecaster> forecasters, List<ClassicalMethod> classical, ForecastProperties properties) {
		List<Forecaster> all = new ArrayList<>(forecasters);
		classical.forEach(method -> all.add(new ClassicalForecaster(method, properties.classicalHistory())));
		for (Forecaster forecaster : all) {
			Forecaster previous = this.byMethod.put(forecaster.method(), forecaster);
			if (previous != null) {
				throw new IllegalStateException("Two forecasters for " + forecaster.method() + ": "
						+ previous.getClass().getName() + " and " + forecaster.getClass().getName());
			}
		}
	}

	/**
	 * The forecaster of {@code method}; a method that needs training and has no
	 * forecaster answers 409 (as {@code neural} does for a series without a succeeded
	 * training run), any other 400.
	 */
	Forecaster get(Method method, long seriesId) {
		Forecaster forecaster = this.byMethod.get(method);
		if (forecaster == null && !method.needsTraining()) {
			throw BadRequestException.invalid("method", "'" + method.code() + "' is not available in this service "
					+ "yet; use one of " + String.join(", ", untrained().stream().map(Method::code).toList()));
		}
		if (forecaster == null) {
			throw new ConflictException("No trained model",
					"Series " + seriesId + " has no succeeded training run to forecast with: method '" + method.code()
							+ "' is not available in this service yet; use naive, seasonal_naive, moving_average "
							+ "or diff_moving_average.");
		}
		return forecaster;
	}

	/** The methods that forecast from a trained model and have a forecaster. */
	List<Method> trained() {
		return this.byMethod.keySet().stream().filter(Method::needsTraining).toList();
	}

	/**
	 * The methods that need no training and have a forecaster: the default set of an
	 * evaluation.
	 */
	List<Method> untrained() {
		return this.byMethod.keySet().stream().filter(m -> !m.needsTraining()).toList();
	}

}
