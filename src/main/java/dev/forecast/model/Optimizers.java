package dev.forecast.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Optimizers by name. Each factory gets the spec and the learning-rate schedule (or {@code null} for a
 * constant rate); a new optimizer is one more entry.
 */
public final class Optimizers {

	@FunctionalInterface
	interface Factory {

		IUpdater create(TrainSpec.Optimizer spec, ISchedule schedule);

	}

	private static final Map<String, Factory> OPTIMIZERS = new LinkedHashMap<>();

	static {
		OPTIMIZERS.put("sgd", (spec, schedule) -> schedule == null ? new Sgd(spec.learningRate()) : new Sgd(schedule));
		OPTIMIZERS.put("momentum", (spec, schedule) -> schedule == null
				? new Momentum(spec.learningRate(), spec.momentum()) : new Momentum(schedule, spec.momentum()));
		OPTIMIZERS.put("nesterov", (spec, schedule) -> schedule == null
				? new Nesterovs(spec.learningRate(), spec.momentum()) : new Nesterovs(schedule, spec.momentum()));
		OPTIMIZERS.put("adagrad",
				(spec, schedule) -> schedule == null ? new AdaGrad(spec.learningRate()) : new AdaGrad(schedule));
		OPTIMIZERS.put("rmsprop",
				(spec, schedule) -> schedule == null ? new RmsProp(spec.learningRate()) : new RmsProp(schedule));
		OPTIMIZERS.put("adam", (spec, schedule) -> schedule == null ? new Adam(spec.learningRate()) : new Adam(schedule));
		OPTIMIZERS.put("adamax",
				(spec, schedule) -> schedule == null ? new AdaMax(spec.learningRate()) : new AdaMax(schedule));
		OPTIMIZERS.put("nadam", (spec, schedule) -> schedule == null ? new Nadam(spec.learningRate()) : new Nadam(schedule));
	}

	private Optimizers() {
	}

	public static Set<String> names() {
		return OPTIMIZERS.keySet();
	}

	public static IUpdater create(TrainSpec.Optimizer spec, ISchedule schedule) {
		Factory factory = OPTIMIZERS.get(spec.type());
		if (factory == null) {
			throw new IllegalArgumentException("unknown optimizer '" + spec.type() + "'");
		}
		return factory.create(spec, schedule);
	}

}
