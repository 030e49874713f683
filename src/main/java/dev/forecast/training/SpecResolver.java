package dev.forecast.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.FieldProblem;
import dev.forecast.model.Scaler;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.Losses;
import dev.forecast.model.training.Networks;
import dev.forecast.model.training.Optimizers;
import dev.forecast.model.training.Schedules;

import org.springframework.stereotype.Component;

/**
 * Turns a {@link TrainRequest} into a complete {@link TrainSpec} for a series of a given
 * length: fills defaults and checks every field, answering 400 with each bad field named.
 */
@Component
class SpecResolver {

	private final TrainingProperties limits;

	SpecResolver(TrainingProperties limits) {
		this.limits = limits;
	}

	TrainSpec resolve(TrainRequest request, long seriesLength) {
		return resolve(request, seriesLength, null);
	}

	/**
	 * @param frequencySeason the season of the series' frequency (12 for monthly, ...),
	 * {@code null} or 1 when it has none
	 */
	TrainSpec resolve(TrainRequest request, long seriesLength, Integer frequencySeason) {
		TrainSpec d = TrainSpec.DEFAULTS;
		List<FieldProblem> errors = new ArrayList<>();
		List<TrainSpec.Layer> layers = null;
		int horizon = or(request.horizon(), d.horizon());
		range(errors, "horizon", horizon, 1, this.limits.maxHorizon());
		Integer season = request.season();
		if (season != null) {
			range(errors, "season", season, 2, this.limits.maxWindow());
		}
		else if (frequencySeason != null && frequencySeason >= 2) {
			season = frequencySeason;
		}
		String differencing = lower(or(request.differencing(), d.differencing()));
		oneOf(errors, "differencing", differencing, TrainSpec.DIFFERENCING);
		if ("seasonal".equals(differencing) && season == null) {
			errors.add(new FieldProblem("differencing",
					"seasonal differencing needs a season: give season (the series' frequency has none)"));
		}
		int lag = switch (differencing) {
			case "first" -> 1;
			case "seasonal" -> season == null ? 0 : season;
			default -> 0;
		};
		int minValidation = Math.max(horizon, this.limits.minValidation());
		SeriesDefaults defaults = SeriesDefaults.of(seriesLength, horizon, minValidation, lag, season,
				this.limits.maxWindow());
		if (request.window() == null && request.validation() == null && defaults == null && errors.isEmpty()) {
			long minimum = SeriesDefaults.minimumLength(horizon, minValidation, lag, season, this.limits.maxWindow());
			errors.add(new FieldProblem("series",
					"the series has " + seriesLength + " points, too few to train on: " + "a spec with horizon "
							+ horizon + (lag > 0 ? " and differencing lag " + lag : "") + " needs at least " + minimum
							+ " points"));
			throw invalid(errors);
		}
		String model = lower(or(request.model(), defaults != null ? defaults.model(d.model()) : d.model()));
		if (request.layers() == null) {
			oneOf(errors, "model", model, Networks.names());
		}
		int units = or(request.units(), defaults != null ? defaults.units(model) : d.units());
		range(errors, "units", units, 1, this.limits.maxUnits());
		if (request.layers() != null) {
			layers = layers(request.layers(), units, errors);
			model = TrainSpec.CUSTOM;
		}
		int window = or(request.window(), defaults != null ? defaults.window() : d.window());
		range(errors, "window", window, 1, this.limits.maxWindow());
		if (lag > 0 && window <= lag + 1) {
			errors.add(new FieldProblem("window", "must be above the differencing lag + 1 (" + (lag + 1)
					+ "): the network reads window - lag differences"));
		}
		int validation = (request.validation() != null) ? request.validation()
				: defaults != null ? defaults.validation() : SeriesDefaults.validation(seriesLength, minValidation);
		if (validation < minValidation) {
			errors.add(new FieldProblem("validation",
					"must be at least " + minValidation + " (the horizon and forecast.training.min-validation)"));
		}
		else if (validation >= seriesLength) {
			errors.add(new FieldProblem("validation",
					"must be smaller than the series length " + seriesLength + " to leave points to train on"));
		}
		else if (window >= 1 && horizon >= 1 && window + horizon > seriesLength - validation) {
			errors.add(new FieldProblem("window",
					"window + horizon (" + (window + horizon) + ") must fit in the training part: "
							+ (seriesLength - validation) + " points (series length " + seriesLength
							+ " minus validation " + validation + ")"));
		}
		long trainWindows = Math.max(0, seriesLength - validation - window - horizon + 1);
		int batchSize = or(request.batchSize(), SeriesDefaults.batchSize(trainWindows, d.batchSize()));
		range(errors, "batchSize", batchSize, 1, this.limits.maxBatchSize());
		int epochs = or(request.epochs(),
				Math.min(this.limits.maxEpochs(), SeriesDefaults.epochs(trainWindows, batchSize, d.epochs())));
		range(errors, "epochs", epochs, 1, this.limits.maxEpochs());
		long windows = trainWindows;
		if (epochs * windows > this.limits.maxEpochWindows()) {
			errors.add(new FieldProblem("epochs",
					epochs + " epochs of " + windows + " training windows are " + epochs * windows
							+ " window passes, over the limit of " + this.limits.maxEpochWindows()
							+ " (forecast.training.max-epoch-windows); train fewer epochs or on fewer points"));
		}
		int prefetch = or(request.prefetch(), d.prefetch());
		range(errors, "prefetch", prefetch, 0, 64);
		String normalization = lower(or(request.normalization(), d.normalization()));
		oneOf(errors, "normalization", normalization, Scaler.TYPES);
		String loss = lower(or(request.loss(), d.loss()));
		oneOf(errors, "loss", loss, Losses.names());
		TrainSpec.Optimizer optimizer = optimizer(request.optimizer(), d.optimizer(), errors);
		TrainSpec.Schedule schedule = ScheduleResolver.resolve(request.schedule(), optimizer.learningRate(), errors);
		TrainSpec.Regularization regularization = regularization(request.regularization(), errors);
		String init = lower(or(request.init(), d.init()));
		oneOf(errors, "init", init, Networks.inits());
		// a range test runs its epochs out (until the loss diverges) unless told
		// otherwise
		TrainSpec.EarlyStopping earlyDefaults = Schedules.RANGE_TEST.equals(schedule.type())
				? new TrainSpec.EarlyStopping(0, d.earlyStopping().minDelta(), d.earlyStopping().monitor())
				: d.earlyStopping();
		TrainSpec.EarlyStopping early = earlyStopping(request.earlyStopping(), earlyDefaults, errors);
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		TrainSpec spec = new TrainSpec(model, units, window, horizon, validation, epochs, batchSize,
				or(request.shuffle(), d.shuffle()), or(request.seed(), d.seed()), prefetch, normalization, loss,
				optimizer, schedule, regularization, init, early, layers, differencing, season);
		errors.addAll(ServableSpecs.problems(spec));
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		return spec;
	}

	private static BadRequestException invalid(List<FieldProblem> errors) {
		return new BadRequestException("Invalid training spec",
				String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
	}

	private static TrainSpec.Optimizer optimizer(TrainRequest.Optimizer request, TrainSpec.Optimizer d,
			List<FieldProblem> errors) {
		if (request == null) {
			return d;
		}
		String type = lower(or(request.type(), d.type()));
		oneOf(errors, "optimizer.type", type, Optimizers.names());
		double rate = or(request.learningRate(), d.learningRate());
		if (!(rate > 0 && rate <= 10)) {
			errors.add(new FieldProblem("optimizer.learningRate", "must be above 0 and at most 10 (got " + rate + ")"));
		}
		double momentum = fraction(errors, "optimizer.momentum", or(request.momentum(), d.momentum()));
		double rho = fraction(errors, "optimizer.rho", or(request.rho(), d.rho()));
		double beta1 = fraction(errors, "optimizer.beta1", or(request.beta1(), d.beta1()));
		double beta2 = fraction(errors, "optimizer.beta2", or(request.beta2(), d.beta2()));
		double epsilon = or(request.epsilon(), d.epsilon());
		if (!(epsilon > 0 && epsilon <= 1)) {
			errors.add(new FieldProblem("optimizer.epsilon", "must be above 0 and at most 1 (got " + epsilon + ")"));
		}
		return new TrainSpec.Optimizer(type, rate, momentum, rho, beta1, beta2, epsilon);
	}

	/** A value in [0, 1). */
	private static double fraction(List<FieldProblem> errors, String field, double value) {
		if (!(value >= 0 && value < 1)) {
			errors.add(new FieldProblem(field, "must be at least 0 and below 1 (got " + value + ")"));
		}
		return value;
	}

	/** At most this many explicit layers. */
	static final int MAX_LAYERS = 20;

	private List<TrainSpec.Layer> layers(List<TrainRequest.Layer> request, int units, List<FieldProblem> errors) {
		if (request.isEmpty()) {
			errors.add(new FieldProblem("layers", "give at least one layer, or leave layers out to use model"));
			return null;
		}
		if (request.size() > MAX_LAYERS) {
			errors.add(new FieldProblem("layers", "at most " + MAX_LAYERS + " layers (got " + request.size() + ")"));
			return null;
		}
		List<TrainSpec.Layer> layers = new ArrayList<>();
		boolean denseSeen = false;
		for (int i = 0; i < request.size(); i++) {
			String at = "layers[" + i + "].";
			TrainRequest.Layer layer = request.get(i);
			if (layer == null) {
				errors.add(new FieldProblem("layers[" + i + "]", "must be a layer object"));
				continue;
			}
			String type = lower(layer.type());
			if (type == null || !Networks.LAYER_TYPES.contains(type)) {
				errors.add(new FieldProblem(at + "type",
						"unknown layer type '" + type + "'; one of dense, rnn, lstm, gru, conv1d"));
				continue;
			}
			boolean sequence = !"dense".equals(type);
			if (sequence && denseSeen) {
				errors
					.add(new FieldProblem(at + "type", "sequence layers (" + type + ") must come before dense layers"));
			}
			denseSeen |= !sequence;
			if (layer.units() != null && layer.filters() != null && !layer.units().equals(layer.filters())) {
				errors.add(new FieldProblem(at + "filters", "give units or filters, not both"));
			}
			int width = or(layer.units(), or(layer.filters(), units));
			range(errors, at + (layer.units() == null && layer.filters() != null ? "filters" : "units"), width, 1,
					this.limits.maxUnits());
			boolean conv = "conv1d".equals(type);
			for (var entry : new Object[][] { { "kernel", layer.kernel() }, { "stride", layer.stride() },
					{ "dilation", layer.dilation() } }) {
				Integer value = (Integer) entry[1];
				if (value == null) {
					continue;
				}
				if (!conv) {
					errors.add(new FieldProblem(at + entry[0], "applies to conv1d layers only"));
				}
				else {
					range(errors, at + entry[0], value, 1, "kernel".equals(entry[0]) ? 64 : this.limits.maxWindow());
				}
			}
			String activation = lower(layer.activation());
			if (activation != null) {
				if ("gru".equals(type) && !"tanh".equals(activation)) {
					errors.add(new FieldProblem(at + "activation", "a gru layer uses tanh (and sigmoid gates)"));
				}
				else {
					oneOf(errors, at + "activation", activation, Networks.activations());
				}
			}
			Boolean returnSequences = null;
			if (sequence) {
				TrainRequest.Layer next = (i + 1 < request.size()) ? request.get(i + 1) : null;
				boolean expected = next != null && next.type() != null && !"dense".equals(lower(next.type()));
				if (layer.returnSequences() != null && layer.returnSequences() != expected) {
					errors.add(new FieldProblem(at + "returnSequences", expected
							? "must be true: the next layer is a sequence layer"
							: "must be false: the last sequence layer passes its last step to the dense layers or the output"));
				}
				returnSequences = expected;
			}
			else if (layer.returnSequences() != null) {
				errors.add(new FieldProblem(at + "returnSequences", "applies to sequence layers only"));
			}
			layers.add(new TrainSpec.Layer(type, width, conv ? or(layer.kernel(), 5) : null,
					conv ? or(layer.stride(), 1) : null, conv ? or(layer.dilation(), 1) : null,
					activation != null ? activation : (sequence && !conv ? "tanh" : "relu"), returnSequences));
		}
		return layers;
	}

	private static TrainSpec.Regularization regularization(TrainRequest.Regularization request,
			List<FieldProblem> errors) {
		if (request == null) {
			return TrainSpec.Regularization.NONE;
		}
		double l1 = nonNegative(errors, "regularization.l1", or(request.l1(), 0.0));
		double l2 = nonNegative(errors, "regularization.l2", or(request.l2(), 0.0));
		double dropout = or(request.dropout(), 0.0);
		if (!(dropout >= 0 && dropout < 1)) {
			errors.add(new FieldProblem("regularization.dropout", "must be at least 0 and below 1"));
		}
		boolean batchNorm = or(request.batchNorm(), false);
		positiveOrNull(errors, "regularization.maxNorm", request.maxNorm());
		positiveOrNull(errors, "regularization.clipValue", request.clipValue());
		positiveOrNull(errors, "regularization.clipNorm", request.clipNorm());
		if (request.clipValue() != null && request.clipNorm() != null) {
			errors.add(new FieldProblem("regularization.clipNorm", "give clipValue or clipNorm, not both"));
		}
		return new TrainSpec.Regularization(l1, l2, dropout, batchNorm, request.maxNorm(), request.clipValue(),
				request.clipNorm());
	}

	private TrainSpec.EarlyStopping earlyStopping(TrainRequest.EarlyStopping request, TrainSpec.EarlyStopping d,
			List<FieldProblem> errors) {
		if (request == null) {
			return d;
		}
		int patience = or(request.patience(), d.patience());
		range(errors, "earlyStopping.patience", patience, 0, this.limits.maxEpochs());
		double minDelta = nonNegative(errors, "earlyStopping.minDelta", or(request.minDelta(), d.minDelta()));
		String monitor = or(request.monitor(), d.monitor());
		oneOf(errors, "earlyStopping.monitor", monitor, List.of("valMae", "valLoss"));
		return new TrainSpec.EarlyStopping(patience, minDelta, monitor);
	}

	private static void oneOf(List<FieldProblem> errors, String field, String value, Collection<String> allowed) {
		if (!allowed.contains(value)) {
			errors.add(new FieldProblem(field, "unknown value '" + value + "'; one of " + String.join(", ", allowed)));
		}
	}

	private static void range(List<FieldProblem> errors, String field, int value, int min, int max) {
		if (value < min || value > max) {
			errors.add(new FieldProblem(field, "must be between " + min + " and " + max + " (got " + value + ")"));
		}
	}

	private static double nonNegative(List<FieldProblem> errors, String field, double value) {
		if (!(value >= 0) || Double.isInfinite(value)) {
			errors.add(new FieldProblem(field, "must be 0 or more"));
		}
		return value;
	}

	private static void positiveOrNull(List<FieldProblem> errors, String field, Double value) {
		if (value != null && !(value > 0 && Double.isFinite(value))) {
			errors.add(new FieldProblem(field, "must be positive (or absent)"));
		}
	}

	private static String lower(String value) {
		return value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
	}

	private static <T> T or(T value, T fallback) {
		return value == null ? fallback : value;
	}

}
