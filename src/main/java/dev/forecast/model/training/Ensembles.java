package dev.forecast.model.training;

import dev.forecast.model.TrainSpec;

/**
 * How many networks a run trains: on short series, three of other seeds whose model
 * serves the median of their forecasts ({@link dev.forecast.model.serving.Ensemble}),
 * trained by {@link Trainer#train(TrainSpec, double[], TrainingMonitor, String, int)}.
 */
public final class Ensembles {

	/**
	 * Training windows below which a run trains {@link #SHORT_SERIES_NETWORKS} networks.
	 */
	public static final long SHORT = 2000;

	/** Networks of a run on a short series. */
	public static final int SHORT_SERIES_NETWORKS = 3;

	/**
	 * How many networks a run of {@code spec} on {@code length} points trains: three
	 * (seeds {@code seed}, {@code seed + 1}, {@code seed + 2}) when it has fewer than
	 * {@link #SHORT} training windows, where one network's forecasts vary most from seed
	 * to seed and training is cheap; one otherwise and for a learning-rate range test.
	 */
	public static int size(TrainSpec spec, int length) {
		long windows = (long) length - spec.validation() - spec.window() - spec.horizon() + 1;
		boolean rangeTest = Schedules.RANGE_TEST.equals(spec.schedule().type());
		return windows < SHORT && !rangeTest ? SHORT_SERIES_NETWORKS : 1;
	}

	private Ensembles() {
	}

}
