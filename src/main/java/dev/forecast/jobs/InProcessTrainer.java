package dev.forecast.jobs;

import java.util.List;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.Ensembles;
import dev.forecast.model.training.GlobalTrainer;
import dev.forecast.model.training.Trainer;
import dev.forecast.model.training.TrainingMonitor;

/**
 * Trains on the worker's own thread, in this JVM ({@code forecast.worker.isolation:
 * thread}), and in the child JVM of {@link TrainingChild}: three networks on short series
 * ({@link Ensembles}), then the outcome with its guard ({@link TrainingOutcome#of}). No
 * start-up cost in this JVM, but the native memory ND4J keeps stays with the service. A
 * collection run trains one network on all members ({@link GlobalTrainer}).
 */
final class InProcessTrainer implements RunTrainer {

	private final int residualSteps;

	InProcessTrainer(int residualSteps) {
		this.residualSteps = residualSteps;
	}

	@Override
	public TrainingOutcome train(TrainSpec spec, String specJson, double[] values, int device,
			TrainingMonitor monitor) {
		int networks = Ensembles.size(spec, values.length);
		return TrainingOutcome.of(Trainer.train(spec, values, monitor, specJson, networks), spec, values,
				this.residualSteps);
	}

	@Override
	public TrainingOutcome trainCollection(TrainSpec spec, String specJson, List<double[]> members, int device,
			TrainingMonitor monitor) {
		return TrainingOutcome.ofGlobal(GlobalTrainer.train(spec, members, monitor, specJson));
	}

}
