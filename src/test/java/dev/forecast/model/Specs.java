package dev.forecast.model;

import java.util.List;

/**
 * Tiny specs for model tests: window 12, 8 units, horizon 1, validation 24, no early
 * stopping.
 */
public final class Specs {

	private Specs() {
	}

	public static TrainSpec tiny(String model) {
		return new TrainSpec(model, 8, 12, 1, 24, 3, 32, true, 1, 0, "zscore", "mse",
				TrainSpec.Optimizer.defaults("adam", 0.01), new TrainSpec.Schedule("constant"),
				TrainSpec.Regularization.NONE, "glorot", new TrainSpec.EarlyStopping(0, 0, "valMae"), null);
	}

	public static TrainSpec withEpochs(TrainSpec s, int epochs) {
		return new TrainSpec(s.model(), s.units(), s.window(), s.horizon(), s.validation(), epochs, s.batchSize(),
				s.shuffle(), s.seed(), s.prefetch(), s.normalization(), s.loss(), s.optimizer(), s.schedule(),
				s.regularization(), s.init(), s.earlyStopping(), s.layers());
	}

	public static TrainSpec withOptimizer(TrainSpec s, TrainSpec.Optimizer optimizer) {
		return new TrainSpec(s.model(), s.units(), s.window(), s.horizon(), s.validation(), s.epochs(), s.batchSize(),
				s.shuffle(), s.seed(), s.prefetch(), s.normalization(), s.loss(), optimizer, s.schedule(),
				s.regularization(), s.init(), s.earlyStopping(), s.layers());
	}

	public static TrainSpec withSchedule(TrainSpec s, TrainSpec.Schedule schedule) {
		return new TrainSpec(s.model(), s.units(), s.window(), s.horizon(), s.validation(), s.epochs(), s.batchSize(),
				s.shuffle(), s.seed(), s.prefetch(), s.normalization(), s.loss(), s.optimizer(), schedule,
				s.regularization(), s.init(), s.earlyStopping(), s.layers());
	}

	public static TrainSpec withRegularization(TrainSpec s, TrainSpec.Regularization regularization) {
		return new TrainSpec(s.model(), s.units(), s.window(), s.horizon(), s.validation(), s.epochs(), s.batchSize(),
				s.shuffle(), s.seed(), s.prefetch(), s.normalization(), s.loss(), s.optimizer(), s.schedule(),
				regularization, s.init(), s.earlyStopping(), s.layers());
	}

	public static TrainSpec withInit(TrainSpec s, String init) {
		return new TrainSpec(s.model(), s.units(), s.window(), s.horizon(), s.validation(), s.epochs(), s.batchSize(),
				s.shuffle(), s.seed(), s.prefetch(), s.normalization(), s.loss(), s.optimizer(), s.schedule(),
				s.regularization(), init, s.earlyStopping(), s.layers());
	}

	public static TrainSpec withUnits(TrainSpec s, int units) {
		return new TrainSpec(s.model(), units, s.window(), s.horizon(), s.validation(), s.epochs(), s.batchSize(),
				s.shuffle(), s.seed(), s.prefetch(), s.normalization(), s.loss(), s.optimizer(), s.schedule(),
				s.regularization(), s.init(), s.earlyStopping(), s.layers());
	}

	public static TrainSpec withLayers(TrainSpec s, List<TrainSpec.Layer> layers) {
		return new TrainSpec(TrainSpec.CUSTOM, s.units(), s.window(), s.horizon(), s.validation(), s.epochs(),
				s.batchSize(), s.shuffle(), s.seed(), s.prefetch(), s.normalization(), s.loss(), s.optimizer(),
				s.schedule(), s.regularization(), s.init(), s.earlyStopping(), layers);
	}

	public static TrainSpec.Regularization regularization(double l1, double l2, double dropout, boolean batchNorm,
			Double maxNorm, Double clipValue, Double clipNorm) {
		return new TrainSpec.Regularization(l1, l2, dropout, batchNorm, maxNorm, clipValue, clipNorm);
	}

}
