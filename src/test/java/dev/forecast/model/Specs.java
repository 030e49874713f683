package dev.forecast.model;

import java.util.List;

/**
 * Tiny specs for model tests: window 12, 8 units, horizon 1, validation 24, no early
 * stopping. The {@code with*} helpers are shorthands of {@code s.toBuilder()...build()}.
 */
public final class Specs {

	private Specs() {
	}

	public static TrainSpec tiny(String model) {
		return TrainSpec.builder()
			.model(model)
			.units(8)
			.window(12)
			.horizon(1)
			.validation(24)
			.epochs(3)
			.batchSize(32)
			.seed(1)
			.prefetch(0)
			.normalization("zscore")
			.loss("mse")
			.optimizer(TrainSpec.Optimizer.defaults("adam", 0.01))
			.earlyStopping(new TrainSpec.EarlyStopping(0, 0, "valMae"))
			.build();
	}

	public static TrainSpec withEpochs(TrainSpec s, int epochs) {
		return s.toBuilder().epochs(epochs).build();
	}

	public static TrainSpec withOptimizer(TrainSpec s, TrainSpec.Optimizer optimizer) {
		return s.toBuilder().optimizer(optimizer).build();
	}

	public static TrainSpec withSchedule(TrainSpec s, TrainSpec.Schedule schedule) {
		return s.toBuilder().schedule(schedule).build();
	}

	public static TrainSpec withRegularization(TrainSpec s, TrainSpec.Regularization regularization) {
		return s.toBuilder().regularization(regularization).build();
	}

	public static TrainSpec withInit(TrainSpec s, String init) {
		return s.toBuilder().init(init).build();
	}

	public static TrainSpec withUnits(TrainSpec s, int units) {
		return s.toBuilder().units(units).build();
	}

	public static TrainSpec withLayers(TrainSpec s, List<TrainSpec.Layer> layers) {
		return s.toBuilder().model(TrainSpec.CUSTOM).layers(layers).build();
	}

	public static TrainSpec.Regularization regularization(double l1, double l2, double dropout, boolean batchNorm,
			Double maxNorm, Double clipValue, Double clipNorm) {
		return new TrainSpec.Regularization(l1, l2, dropout, batchNorm, maxNorm, clipValue, clipNorm);
	}

}
