package dev.forecast.tuning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.forecast.error.FieldProblem;

/**
 * Random search: checks a search space and samples its points. The dimensions are drawn
 * in a fixed order ({@link #DIMENSIONS}) from one generator seeded with the search's
 * seed, so a seed always gives the same trials.
 */
final class RandomSearch {

	static final List<String> DIMENSIONS = List.of("learningRate", "units", "layers", "batchSize", "dropout", "window");

	/** Most hidden layers a search may ask for. */
	static final int MAX_LAYERS = 10;

	private RandomSearch() {
	}

	/** A checked space: {@code null} dimensions are not searched. */
	record Space(TuneRequest.Range learningRate, List<Integer> units, TuneRequest.IntRange layers,
			List<Integer> batchSize, TuneRequest.Range dropout, List<Integer> window) {
	}

	/**
	 * The space of {@code request}, or {@code null} with problems added when it does not
	 * fit.
	 */
	static Space check(TuneRequest.Space request, List<FieldProblem> errors) {
		if (request == null || (request.learningRate() == null && request.units() == null && request.layers() == null
				&& request.batchSize() == null && request.dropout() == null && request.window() == null)) {
			errors.add(new FieldProblem("space",
					"give at least one dimension to search: " + String.join(", ", DIMENSIONS)));
			return null;
		}
		int before = errors.size();
		TuneRequest.Range rate = request.learningRate();
		if (rate != null) {
			if (rate.min() == null || rate.max() == null || !(rate.min() > 0) || !(rate.max() >= rate.min())
					|| rate.max() > 10) {
				errors.add(new FieldProblem("space.learningRate",
						"give min and max with 0 < min <= max <= 10 (got " + rate.min() + ", " + rate.max() + ")"));
			}
		}
		values(errors, "space.units", request.units(), 1, 4096);
		TuneRequest.IntRange layers = request.layers();
		if (layers != null && (layers.min() == null || layers.max() == null || layers.min() < 1
				|| layers.max() < layers.min() || layers.max() > MAX_LAYERS)) {
			errors.add(new FieldProblem("space.layers", "give min and max with 1 <= min <= max <= " + MAX_LAYERS
					+ " (got " + (layers.min()) + ", " + layers.max() + ")"));
		}
		values(errors, "space.batchSize", request.batchSize(), 1, Integer.MAX_VALUE);
		TuneRequest.Range dropout = request.dropout();
		if (dropout != null) {
			if (dropout.min() == null || dropout.max() == null || !(dropout.min() >= 0)
					|| !(dropout.max() >= dropout.min()) || !(dropout.max() < 1)) {
				errors.add(new FieldProblem("space.dropout", "give min and max with 0 <= min <= max < 1 (got "
						+ dropout.min() + ", " + dropout.max() + ")"));
			}
			else if (Boolean.TRUE.equals(dropout.log())) {
				errors.add(new FieldProblem("space.dropout.log", "dropout is sampled uniformly"));
			}
		}
		values(errors, "space.window", request.window(), 1, Integer.MAX_VALUE);
		if (errors.size() > before) {
			return null;
		}
		return new Space(rate, list(request.units()), layers, list(request.batchSize()), dropout,
				list(request.window()));
	}

	private static List<Integer> list(TuneRequest.Values values) {
		return values == null ? null : List.copyOf(values.values());
	}

	private static void values(List<FieldProblem> errors, String field, TuneRequest.Values values, int min, int max) {
		if (values == null) {
			return;
		}
		if (values.values() == null || values.values().isEmpty()) {
			errors.add(new FieldProblem(field + ".values", "give at least one value"));
			return;
		}
		for (Integer v : values.values()) {
			if (v == null || v < min || v > max) {
				errors.add(new FieldProblem(field + ".values", "every value must be between " + min + " and " + max));
				return;
			}
		}
	}

	/**
	 * {@code trials} points of {@code space}, each a map from dimension to value
	 * (searched dimensions only).
	 */
	static List<Map<String, Object>> sample(Space space, int trials, long seed) {
		Random random = new Random(seed);
		List<Map<String, Object>> points = new ArrayList<>();
		for (int t = 0; t < trials; t++) {
			Map<String, Object> point = new LinkedHashMap<>();
			if (space.learningRate() != null) {
				TuneRequest.Range r = space.learningRate();
				double u = random.nextDouble();
				boolean log = !Boolean.FALSE.equals(r.log());
				point.put("learningRate",
						log ? Math.exp(Math.log(r.min()) + u * (Math.log(r.max()) - Math.log(r.min())))
								: r.min() + u * (r.max() - r.min()));
			}
			if (space.units() != null) {
				point.put("units", space.units().get(random.nextInt(space.units().size())));
			}
			if (space.layers() != null) {
				point.put("layers",
						space.layers().min() + random.nextInt(space.layers().max() - space.layers().min() + 1));
			}
			if (space.batchSize() != null) {
				point.put("batchSize", space.batchSize().get(random.nextInt(space.batchSize().size())));
			}
			if (space.dropout() != null) {
				TuneRequest.Range r = space.dropout();
				point.put("dropout", r.min() + random.nextDouble() * (r.max() - r.min()));
			}
			if (space.window() != null) {
				point.put("window", space.window().get(random.nextInt(space.window().size())));
			}
			points.add(point);
		}
		return points;
	}

}
