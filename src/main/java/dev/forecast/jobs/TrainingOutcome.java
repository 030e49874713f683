package dev.forecast.jobs;

import dev.forecast.model.training.Diagnosis;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.TrainedModel;
import dev.forecast.model.training.TrainingResult;
import dev.forecast.model.training.ValidationResiduals;
import dev.forecast.training.Run;

/**
 * What training a run produced, in the form the queue stores: it crosses the pipe from a
 * child JVM as it is.
 *
 * @param epochs epochs finished
 * @param metrics the kept epoch's metrics ({@code null} when no epoch finished)
 * @param diagnosis what the learning curve says ({@code null} when no epoch finished)
 * @param model the serialized model with its validation residuals ({@code null} when no
 * epoch finished or training was stopped)
 */
record TrainingOutcome(int epochs, Run.Metrics metrics, Diagnosis diagnosis, byte[] model) {

	/** No model: training stopped (cancel, shutdown, lost run) before it ended. */
	static TrainingOutcome stopped(int epochs) {
		return new TrainingOutcome(epochs, null, null, null);
	}

	/**
	 * The outcome of {@code result}: its metrics, and the kept model with its absolute
	 * errors on the validation windows per step ahead (the calibration set of its
	 * prediction intervals).
	 */
	static TrainingOutcome of(TrainingResult result, TrainSpec spec, double[] values, int residualSteps) {
		int epochs = result.curve().size();
		if (result.model() == null) {
			return stopped(epochs);
		}
		Run.Metrics metrics = new Run.Metrics(result.valMae(), result.valRmse(), result.bestEpoch(),
				result.trainSeconds(), Double.isFinite(result.naiveMae()) ? result.naiveMae() : null,
				result.suggestedLearningRate(), result.vsNaive());
		float[][] residuals = ValidationResiduals.compute(result.model(), values, spec.validation(), residualSteps);
		TrainedModel model = result.model().withResiduals(residuals, values.length - spec.validation());
		return new TrainingOutcome(epochs, metrics, result.diagnosis(), ModelCodec.encode(model));
	}

}
