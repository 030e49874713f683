package dev.forecast.forecast;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.forecast.error.ConflictException;

import org.springframework.stereotype.Component;

/** The registry of {@link Forecaster} beans, one per {@link Method}. */
@Component
class Forecasters {

	private final Map<Method, Forecaster> byMethod = new EnumMap<>(Method.class);

	Forecasters(List<Forecaster> forecasters) {
		for (Forecaster forecaster : forecasters) {
			Forecaster previous = this.byMethod.put(forecaster.method(), forecaster);
			if (previous != null) {
				throw new IllegalStateException("Two forecasters for " + forecaster.method() + ": "
						+ previous.getClass().getName() + " and " + forecaster.getClass().getName());
			}
		}
	}

	/**
	 * The forecaster of {@code method}; a method without one answers 409 (as {@code neural} does for
	 * a series without a succeeded training run).
	 */
	Forecaster get(Method method, long seriesId) {
		Forecaster forecaster = this.byMethod.get(method);
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

	/** The methods that need no training and have a forecaster: the default set of an evaluation. */
	List<Method> untrained() {
		return this.byMethod.keySet().stream().filter(m -> !m.needsTraining()).toList();
	}

}
