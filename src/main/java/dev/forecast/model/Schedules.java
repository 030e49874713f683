package dev.forecast.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Learning-rate schedules by name. A factory returns the {@link ISchedule} for the optimizer, or
 * {@code null} for a constant rate. Only {@code constant} is here so far; the others of the course
 * (power, exponential, piecewise, plateau, one_cycle, range_test) are entries to add.
 */
public final class Schedules {

	/** What a schedule may depend on. */
	public record Context(double learningRate, int iterationsPerEpoch, int epochs) {
	}

	@FunctionalInterface
	interface Factory {

		ISchedule create(TrainSpec.Schedule spec, Context context);

	}

	private static final Map<String, Factory> SCHEDULES = new LinkedHashMap<>();

	static {
		SCHEDULES.put("constant", (spec, context) -> null);
	}

	private Schedules() {
	}

	public static Set<String> names() {
		return SCHEDULES.keySet();
	}

	public static ISchedule create(TrainSpec.Schedule spec, Context context) {
		Factory factory = SCHEDULES.get(spec.type());
		if (factory == null) {
			throw new IllegalArgumentException("unknown schedule '" + spec.type() + "'");
		}
		return factory.create(spec, context);
	}

}
