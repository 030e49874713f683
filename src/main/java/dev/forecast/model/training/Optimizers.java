package dev.forecast.model.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.forecast.model.Momentum;
import dev.forecast.model.TrainSpec;
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
 * Optimizers by name, with their parameters (momentum, rho, beta1, beta2, epsilon; DL4J
 * calls rho {@code rmsDecay}). A learning-rate schedule, when there is one, replaces the
 * constant rate; a new optimizer is one more entry.
 */
public final class Optimizers {

	@FunctionalInterface
	interface Factory {

		IUpdater create(TrainSpec.Optimizer spec, ISchedule schedule);

	}

	private static final Map<String, Factory> OPTIMIZERS = new LinkedHashMap<>();

	static {
		OPTIMIZERS.put("sgd", (spec, schedule) -> new Sgd(spec.learningRate()));
		OPTIMIZERS.put("momentum", (spec, schedule) -> new Momentum(spec.learningRate(), spec.momentum()));
		OPTIMIZERS.put("nesterov", (spec, schedule) -> new Nesterovs(spec.learningRate(), spec.momentum()));
		OPTIMIZERS.put("adagrad", (spec, schedule) -> new AdaGrad(spec.learningRate(), spec.epsilon()));
		OPTIMIZERS.put("rmsprop", (spec, schedule) -> new RmsProp(spec.learningRate(), spec.rho(), spec.epsilon()));
		OPTIMIZERS.put("adam",
				(spec, schedule) -> new Adam(spec.learningRate(), spec.beta1(), spec.beta2(), spec.epsilon()));
		OPTIMIZERS.put("adamax",
				(spec, schedule) -> new AdaMax(spec.learningRate(), spec.beta1(), spec.beta2(), spec.epsilon()));
		OPTIMIZERS.put("nadam",
				(spec, schedule) -> new Nadam(spec.learningRate(), spec.beta1(), spec.beta2(), spec.epsilon()));
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
		IUpdater updater = factory.create(spec, schedule);
		if (schedule != null) {
			updater.setLrAndSchedule(spec.learningRate(), schedule);
		}
		return updater;
	}

}
