package dev.forecast.model.training;

import java.util.List;

import dev.forecast.model.TrainSpec;

/**
 * Trains one network on the windows of many series (a global model).
 * <p>
 * PLACEHOLDER until branch {@code global-model} provides the real one (same signature):
 * this stub trains with {@link Trainer} on the longest member only, so that the service's
 * plumbing (queue, jobs, serving) can be built and tested.
 */
public final class GlobalTrainer {

	private GlobalTrainer() {
	}

	public static TrainingResult train(TrainSpec spec, List<double[]> members, TrainingMonitor monitor,
			String specJson) {
		double[] longest = members.get(0);
		for (double[] member : members) {
			if (member.length > longest.length) {
				longest = member;
			}
		}
		return Trainer.train(spec, longest, monitor, specJson);
	}

}
