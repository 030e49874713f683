package dev.forecast.training;

import java.util.List;

import dev.forecast.error.FieldProblem;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.Servability;

/**
 * The last check of a training spec: forecasts are served only by the JVM forward pass,
 * so a spec whose network that pass could not run is refused (400) before it trains.
 */
final class ServableSpecs {

	private ServableSpecs() {
	}

	/** The problem of {@code spec} for serving, or none. */
	static List<FieldProblem> problems(TrainSpec spec) {
		return Servability.refusal(spec)
			.map(refusal -> List.of(new FieldProblem(refusal.field(), refusal.reason())))
			.orElse(List.of());
	}

}
