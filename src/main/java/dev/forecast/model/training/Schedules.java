package dev.forecast.model.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.forecast.model.EpochRates;
import dev.forecast.model.OneCycle;
import dev.forecast.model.TrainSpec;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Learning-rate schedules by name, with their parameters (see
 * {@link TrainSpec.Schedule}). Epochs count from 1 as in the learning curve;
 * {@code e = epoch - 1} below.
 * <ul>
 * <li>{@code constant}: the optimizer's rate.</li>
 * <li>{@code power}: {@code rate / (1 + e/steps)^power} (defaults: steps 10, power
 * 1).</li>
 * <li>{@code exponential}: {@code rate · decay^(e/steps)} (defaults: decay 0.1, steps
 * 20).</li>
 * <li>{@code piecewise}: {@code values[k]} from the epoch after {@code boundaries[k-1]}
 * up to and including {@code boundaries[k]}.</li>
 * <li>{@code plateau}: the optimizer's rate, multiplied by {@code factor} (0.5) whenever
 * the validation loss has not improved for {@code patience} (5) epochs, never below
 * {@code minRate} (0); the training loop does this ({@link RateControl}).</li>
 * <li>{@code one_cycle}: per iteration, see {@link OneCycle} (from the optimizer's rate
 * to {@code maxRate}, default 10 × rate).</li>
 * <li>{@code range_test}: {@code start · factor^e} (defaults: 1e-8 and 10^(1/20), the
 * course's {@code 1e-8 · 10^(epoch/20)}); the run records the loss against the rate and
 * suggests a rate.</li>
 * </ul>
 */
public final class Schedules {

	/** What a schedule may depend on. */
	public record Context(double learningRate, int iterationsPerEpoch, int epochs) {
	}

	@FunctionalInterface
	interface Factory {

		ISchedule create(TrainSpec.Schedule spec, Context context);

	}

	public static final String RANGE_TEST = "range_test";

	public static final String PLATEAU = "plateau";

	private static final Map<String, Factory> SCHEDULES = new LinkedHashMap<>();

	private static final Map<String, List<String>> PARAMETERS = new LinkedHashMap<>();

	static {
		SCHEDULES.put("constant", (spec, context) -> null);
		SCHEDULES.put("power", Schedules::perEpoch);
		SCHEDULES.put("exponential", Schedules::perEpoch);
		SCHEDULES.put("piecewise", Schedules::perEpoch);
		SCHEDULES.put(PLATEAU, (spec, context) -> null);
		SCHEDULES.put("one_cycle", (spec, context) -> new OneCycle(context.learningRate(), spec.maxRate(),
				context.epochs() * context.iterationsPerEpoch()));
		SCHEDULES.put(RANGE_TEST, Schedules::perEpoch);
		PARAMETERS.put("constant", List.of());
		PARAMETERS.put("power", List.of("steps", "power"));
		PARAMETERS.put("exponential", List.of("steps", "decay"));
		PARAMETERS.put("piecewise", List.of("boundaries", "values"));
		PARAMETERS.put(PLATEAU, List.of("factor", "patience", "minRate"));
		PARAMETERS.put("one_cycle", List.of("maxRate"));
		PARAMETERS.put(RANGE_TEST, List.of("start", "factor"));
	}

	private Schedules() {
	}

	public static Set<String> names() {
		return SCHEDULES.keySet();
	}

	/** The parameters {@code type} takes. */
	public static List<String> parameters(String type) {
		return PARAMETERS.getOrDefault(type, List.of());
	}

	/**
	 * {@code spec} with the missing parameters of its type at their defaults
	 * ({@code learningRate} is the optimizer's); parameters of other types are left as
	 * given (a resolver rejects them).
	 */
	public static TrainSpec.Schedule withDefaults(TrainSpec.Schedule spec, double learningRate) {
		String type = spec.type();
		return switch (type) {
			case "power" -> new TrainSpec.Schedule(type, or(spec.steps(), 10.0), or(spec.power(), 1.0), spec.decay(),
					spec.boundaries(), spec.values(), spec.factor(), spec.patience(), spec.minRate(), spec.maxRate(),
					spec.start());
			case "exponential" -> new TrainSpec.Schedule(type, or(spec.steps(), 20.0), spec.power(),
					or(spec.decay(), 0.1), spec.boundaries(), spec.values(), spec.factor(), spec.patience(),
					spec.minRate(), spec.maxRate(), spec.start());
			case PLATEAU -> new TrainSpec.Schedule(type, spec.steps(), spec.power(), spec.decay(), spec.boundaries(),
					spec.values(), or(spec.factor(), 0.5), or(spec.patience(), 5), or(spec.minRate(), 0.0),
					spec.maxRate(), spec.start());
			case "one_cycle" -> new TrainSpec.Schedule(type, spec.steps(), spec.power(), spec.decay(),
					spec.boundaries(), spec.values(), spec.factor(), spec.patience(), spec.minRate(),
					or(spec.maxRate(), 10 * learningRate), spec.start());
			case RANGE_TEST -> new TrainSpec.Schedule(type, spec.steps(), spec.power(), spec.decay(), spec.boundaries(),
					spec.values(), or(spec.factor(), Math.pow(10, 1.0 / 20)), spec.patience(), spec.minRate(),
					spec.maxRate(), or(spec.start(), 1e-8));
			default -> spec;
		};
	}

	public static ISchedule create(TrainSpec.Schedule spec, Context context) {
		Factory factory = SCHEDULES.get(spec.type());
		if (factory == null) {
			throw new IllegalArgumentException("unknown schedule '" + spec.type() + "'");
		}
		return factory.create(withDefaults(spec, context.learningRate()), context);
	}

	/**
	 * The rate of {@code epoch} (from 1) under a schedule that is constant within epochs
	 * ({@code constant}, {@code power}, {@code exponential}, {@code piecewise},
	 * {@code range_test}; the starting rate of the others).
	 */
	public static double epochRate(TrainSpec.Schedule spec, double learningRate, int epoch) {
		TrainSpec.Schedule s = withDefaults(spec, learningRate);
		int e = epoch - 1;
		return switch (s.type()) {
			case "power" -> learningRate / Math.pow(1 + e / s.steps(), s.power());
			case "exponential" -> learningRate * Math.pow(s.decay(), e / s.steps());
			case "piecewise" -> {
				int k = 0;
				while (k < s.boundaries().size() && epoch > s.boundaries().get(k)) {
					k++;
				}
				yield s.values().get(k);
			}
			case RANGE_TEST -> s.start() * Math.pow(s.factor(), e);
			default -> learningRate;
		};
	}

	private static ISchedule perEpoch(TrainSpec.Schedule spec, Context context) {
		double[] rates = new double[context.epochs()];
		for (int i = 0; i < rates.length; i++) {
			rates[i] = epochRate(spec, context.learningRate(), i + 1);
		}
		return new EpochRates(rates, context.iterationsPerEpoch());
	}

	private static <T> T or(T value, T fallback) {
		return value == null ? fallback : value;
	}

}
