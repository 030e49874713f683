package dev.forecast.training;

import java.util.ArrayList;
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

import static dev.forecast.training.SpecChecks.lower;
import static dev.forecast.training.SpecChecks.oneOf;
import static dev.forecast.training.SpecChecks.or;
import static dev.forecast.training.SpecChecks.range;

/**
 * Turns a {@link TrainRequest} into a complete {@link TrainSpec} for a series of a given
 * length: fills defaults and checks every field, answering 400 with each bad field named.
 * {@link #resolve(TrainRequest, long, Integer)} is the one entry point of spec
 * validation: the window, horizon, validation and epochs against the series here, the
 * explicit layers in {@link LayerResolver}, the optimizer, regularization and early
 * stopping in {@link OptimizationResolver}, the schedule in {@link ScheduleResolver};
 * every check adds to one list of problems ({@link SpecChecks}) thrown once.
 */
@Component
class SpecResolver {

	private final TrainingProperties limits;

	private final LayerResolver layers;

	private final OptimizationResolver optimization;

	SpecResolver(TrainingProperties limits) {
		this.limits = limits;
		this.layers = new LayerResolver(limits);
		this.optimization = new OptimizationResolver(limits);
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
			layers = this.layers.resolve(request.layers(), units, errors);
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
		TrainSpec.Optimizer optimizer = OptimizationResolver.optimizer(request.optimizer(), d.optimizer(), errors);
		TrainSpec.Schedule schedule = ScheduleResolver.resolve(request.schedule(), optimizer.learningRate(), errors);
		TrainSpec.Regularization regularization = OptimizationResolver.regularization(request.regularization(), errors);
		String init = lower(or(request.init(), d.init()));
		oneOf(errors, "init", init, Networks.inits());
		// a range test runs its epochs out (until the loss diverges) unless told
		// otherwise
		TrainSpec.EarlyStopping earlyDefaults = Schedules.RANGE_TEST.equals(schedule.type())
				? new TrainSpec.EarlyStopping(0, d.earlyStopping().minDelta(), d.earlyStopping().monitor())
				: d.earlyStopping();
		TrainSpec.EarlyStopping early = this.optimization.earlyStopping(request.earlyStopping(), earlyDefaults, errors);
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		TrainSpec spec = TrainSpec.builder()
			.model(model)
			.units(units)
			.window(window)
			.horizon(horizon)
			.validation(validation)
			.epochs(epochs)
			.batchSize(batchSize)
			.shuffle(or(request.shuffle(), d.shuffle()))
			.seed(or(request.seed(), d.seed()))
			.prefetch(prefetch)
			.normalization(normalization)
			.loss(loss)
			.optimizer(optimizer)
			.schedule(schedule)
			.regularization(regularization)
			.init(init)
			.earlyStopping(early)
			.layers(layers)
			.differencing(differencing)
			.season(season)
			.build();
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

}
