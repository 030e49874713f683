package dev.forecast.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.forecast.error.FieldProblem;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.Schedules;

/**
 * Resolves the {@code schedule} of a training request: its type, its parameters at their
 * defaults, and a {@link FieldProblem} for every parameter that does not fit (another
 * type's, out of range).
 */
final class ScheduleResolver {

	private ScheduleResolver() {
	}

	static TrainSpec.Schedule resolve(TrainRequest.Schedule request, double learningRate, List<FieldProblem> errors) {
		if (request == null) {
			return TrainSpec.DEFAULTS.schedule();
		}
		String type = request.type() == null ? TrainSpec.DEFAULTS.schedule().type()
				: request.type().trim().toLowerCase(Locale.ROOT);
		if (!Schedules.names().contains(type)) {
			errors.add(new FieldProblem("schedule.type",
					"unknown value '" + type + "'; one of " + String.join(", ", Schedules.names())));
			return TrainSpec.DEFAULTS.schedule();
		}
		Map<String, Object> given = new LinkedHashMap<>();
		given.put("steps", request.steps());
		given.put("power", request.power());
		given.put("decay", request.decay());
		given.put("boundaries", request.boundaries());
		given.put("values", request.values());
		given.put("factor", request.factor());
		given.put("patience", request.patience());
		given.put("minRate", request.minRate());
		given.put("maxRate", request.maxRate());
		given.put("start", request.start());
		List<String> allowed = Schedules.parameters(type);
		int before = errors.size();
		given.forEach((name, value) -> {
			if (value != null && !allowed.contains(name)) {
				errors.add(new FieldProblem("schedule." + name, "is not a parameter of " + type
						+ (allowed.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", allowed) + ")")));
			}
		});
		if (errors.size() > before) {
			return new TrainSpec.Schedule(type);
		}
		TrainSpec.Schedule s = Schedules.withDefaults(new TrainSpec.Schedule(type, request.steps(), request.power(),
				request.decay(), request.boundaries(), request.values(), request.factor(), request.patience(),
				request.minRate(), request.maxRate(), request.start()), learningRate);
		switch (type) {
			case "power" -> {
				check(errors, "schedule.steps", s.steps() > 0 && s.steps() <= 1e6, "must be above 0");
				check(errors, "schedule.power", s.power() > 0 && s.power() <= 100, "must be above 0 and at most 100");
			}
			case "exponential" -> {
				check(errors, "schedule.steps", s.steps() > 0 && s.steps() <= 1e6, "must be above 0");
				check(errors, "schedule.decay", s.decay() > 0 && s.decay() < 1, "must be above 0 and below 1");
			}
			case "piecewise" -> piecewise(s, errors);
			case Schedules.PLATEAU -> {
				check(errors, "schedule.factor", s.factor() > 0 && s.factor() < 1, "must be above 0 and below 1");
				check(errors, "schedule.patience", s.patience() >= 1, "must be at least 1");
				check(errors, "schedule.minRate", s.minRate() >= 0 && s.minRate() < learningRate,
						"must be at least 0 and below the optimizer's learningRate " + learningRate);
			}
			case "one_cycle" -> check(errors, "schedule.maxRate", s.maxRate() > learningRate && s.maxRate() <= 10,
					"must be above the optimizer's learningRate " + learningRate + " and at most 10");
			case Schedules.RANGE_TEST -> {
				check(errors, "schedule.start", s.start() > 0 && s.start() <= 10, "must be above 0 and at most 10");
				check(errors, "schedule.factor", s.factor() > 1 && s.factor() <= 100,
						"must be above 1 and at most 100");
			}
			default -> {
			}
		}
		return s;
	}

	private static void piecewise(TrainSpec.Schedule s, List<FieldProblem> errors) {
		if (s.boundaries() == null || s.boundaries().isEmpty()) {
			errors.add(new FieldProblem("schedule.boundaries", "give the increasing epochs where the rate changes"));
			return;
		}
		List<Integer> boundaries = new ArrayList<>(s.boundaries());
		for (int i = 0; i < boundaries.size(); i++) {
			Integer b = boundaries.get(i);
			if (b == null || b < 1 || (i > 0 && boundaries.get(i - 1) != null && b <= boundaries.get(i - 1))) {
				errors.add(new FieldProblem("schedule.boundaries", "must be epochs of at least 1 in increasing order"));
				return;
			}
		}
		if (s.values() == null || s.values().size() != boundaries.size() + 1) {
			errors.add(new FieldProblem("schedule.values", "give one rate more than boundaries ("
					+ (boundaries.size() + 1) + "), got " + (s.values() == null ? 0 : s.values().size())));
			return;
		}
		for (Double v : s.values()) {
			if (v == null || !(v > 0 && v <= 10)) {
				errors.add(new FieldProblem("schedule.values", "every rate must be above 0 and at most 10"));
				return;
			}
		}
	}

	private static void check(List<FieldProblem> errors, String field, boolean ok, String message) {
		if (!ok) {
			errors.add(new FieldProblem(field, message));
		}
	}

}
