package dev.forecast.model.training;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What {@link TrainingLoop} trains on: training batches and one validation batch whose
 * network outputs map back to forecasts comparable with their targets. One series'
 * windows ({@link WindowedData}: series units) or the windows of many series
 * ({@link GlobalWindows}: errors scaled per member, so that they pool).
 */
interface TrainingWindows {

	/** Training windows per epoch. */
	int trainCount();

	/** All validation windows as one batch. */
	DataSet validation();

	/** Training batches, reshuffled on every {@code reset()}. */
	DataSetIterator trainIterator(int batchSize, boolean shuffle, long seed);

	/** The forecasts of the validation windows from the network's outputs for them. */
	double[][] validationForecasts(float[] output);

	/**
	 * What each validation window should have forecast, in the units of the forecasts.
	 */
	double[][] validationTargets();

}
