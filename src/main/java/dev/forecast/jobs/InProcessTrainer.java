package dev.forecast.jobs;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.Trainer;
import dev.forecast.model.training.TrainingMonitor;

/**
 * Trains on the worker's own thread, in this JVM ({@code forecast.worker.isolation:
 * thread}): no start-up cost, but the native memory ND4J keeps stays with the service.
 */
final class InProcessTrainer implements RunTrainer {

	private final int residualSteps;

	InProcessTrainer(int residualSteps) {
		this.residualSteps = residualSteps;
	}

	@Override
	public TrainingOutcome train(TrainSpec spec, String specJson, double[] values, int device,
			TrainingMonitor monitor) {
		return TrainingOutcome.of(Trainer.train(spec, values, monitor, specJson), spec, values, this.residualSteps);
	}

}
