package dev.forecast.jobs;

import java.util.List;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.TrainingMonitor;

/**
 * Trains one run: in this JVM ({@link InProcessTrainer}) or in a child JVM
 * ({@link ChildProcessTrainer}), as {@code forecast.worker.isolation} says.
 */
interface RunTrainer {

	/**
	 * Trains {@code spec} on {@code values}, telling {@code monitor} every epoch and
	 * stopping soon after it asks to.
	 * @param specJson the spec as stored, kept with the model
	 * @param device the GPU of the worker, or -1 on the CPU
	 * @throws Exception what training threw; it fails the run
	 */
	TrainingOutcome train(TrainSpec spec, String specJson, double[] values, int device, TrainingMonitor monitor)
			throws Exception;

	/**
	 * Trains one network of {@code spec} on the windows of every member of a collection
	 * ({@code members}, in member order, each with its last {@code spec.validation()}
	 * points held out), as {@link #train} does for one series.
	 */
	TrainingOutcome trainCollection(TrainSpec spec, String specJson, List<double[]> members, int device,
			TrainingMonitor monitor) throws Exception;

}
