package dev.forecast.model.training;

import java.util.List;

import dev.forecast.model.TrainSpec;

/**
 * How long a global model's refit networks train: the epoch of a validation pass whose
 * validation error, averaged with its neighbours' (the epochs before and after it), is
 * the lowest. A validation curve over a few hundred gradient steps jumps by about 10%
 * from epoch to epoch, so its single lowest point can be a lucky epoch near the start (an
 * M3 monthly pass kept epoch 1 of 7); the mean of three is steadier. The validation pass
 * runs with a patience of at least {@link #PATIENCE} epochs, so the curve goes on long
 * enough past a lucky epoch.
 */
final class RefitEpochs {

	static final int PATIENCE = 10;

	private RefitEpochs() {
	}

	/** {@code spec} with early stopping's patience at least {@link #PATIENCE}. */
	static TrainSpec validationPass(TrainSpec spec) {
		TrainSpec.EarlyStopping early = spec.earlyStopping();
		if (early == null || early.patience() <= 0 || early.patience() >= PATIENCE) {
			return spec;
		}
		return spec.toBuilder()
			.earlyStopping(new TrainSpec.EarlyStopping(PATIENCE, early.minDelta(), early.monitor()))
			.build();
	}

	/** The epoch (1-based) of the lowest three-epoch mean of {@code curve}'s valMae. */
	static int of(List<EpochStats> curve) {
		int best = 0;
		double lowest = Double.POSITIVE_INFINITY;
		for (int i = 0; i < curve.size(); i++) {
			double sum = 0;
			int count = 0;
			for (int j = Math.max(0, i - 1); j <= Math.min(curve.size() - 1, i + 1); j++) {
				double value = curve.get(j).valMae();
				if (Double.isFinite(value)) {
					sum += value;
					count++;
				}
			}
			if (count > 0 && sum / count < lowest) {
				lowest = sum / count;
				best = i;
			}
		}
		return curve.isEmpty() ? 1 : curve.get(best).epoch();
	}

}
