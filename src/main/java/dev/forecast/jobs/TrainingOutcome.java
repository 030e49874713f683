package dev.forecast.jobs;

import dev.forecast.model.training.Diagnosis;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.Shrinkage;
import dev.forecast.model.serving.TrainedModel;
import dev.forecast.model.training.ShrinkageFit;
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
	 * The outcome of {@code result}: its metrics, and the kept model guarded against
	 * losing to naive (its {@link Shrinkage} toward a naive baseline, fitted on the
	 * validation forecasts of the network or ensemble alone, damped per step ahead on
	 * short series), with the absolute errors of its guarded forecasts on the validation
	 * windows per step ahead (the calibration set of its prediction intervals). The
	 * validation part is forecast once: the forecasts the shrinkage is fitted on are
	 * shrunk in place for the residuals.
	 */
	static TrainingOutcome of(TrainingResult result, TrainSpec spec, double[] values, int residualSteps) {
		int epochs = result.curve().size();
		if (result.model() == null) {
			return stopped(epochs);
		}
		int validation = spec.validation();
		double[][] forecasts = ValidationResiduals.forecasts(result.model(), values, validation, residualSteps);
		Shrinkage shrinkage = ShrinkageFit.fit(values, validation, forecasts, spec.season(), spec.window(),
				ShrinkageFit.damping(spec, values.length));
		for (int i = 0; i < forecasts.length; i++) { // as the shrunk model forecasts them
			shrinkage.apply(values, values.length - validation + i, forecasts[i]);
		}
		float[][] residuals = ValidationResiduals.fromForecasts(forecasts, values, validation);
		TrainedModel model = result.model()
			.withShrinkage(shrinkage)
			.withResiduals(residuals, values.length - validation);
		Run.Metrics metrics = new Run.Metrics(result.valMae(), result.valRmse(), result.bestEpoch(),
				result.trainSeconds(), Double.isFinite(result.naiveMae()) ? result.naiveMae() : null,
				result.suggestedLearningRate(), result.vsNaive(), Double.isFinite(shrinkage.mae()) ? shrinkage : null,
				1 + model.members().size());
		return new TrainingOutcome(epochs, metrics, result.diagnosis(), ModelCodec.encode(model));
	}

	/**
	 * The outcome of a global model's {@code result} (one network trained on the windows
	 * of every member of a collection): its metrics as the trainer measured them on the
	 * members' validation parts, and the model as it is (no shrinkage toward a naive
	 * baseline: that is fitted per series; prediction intervals only when the trainer
	 * attached validation residuals).
	 */
	static TrainingOutcome ofGlobal(TrainingResult result) {
		int epochs = result.curve().size();
		if (result.model() == null) {
			return stopped(epochs);
		}
		Run.Metrics metrics = new Run.Metrics(result.valMae(), result.valRmse(), result.bestEpoch(),
				result.trainSeconds(), Double.isFinite(result.naiveMae()) ? result.naiveMae() : null,
				result.suggestedLearningRate(), result.vsNaive(), null, 1 + result.model().members().size());
		return new TrainingOutcome(epochs, metrics, result.diagnosis(), ModelCodec.encode(result.model()));
	}

}
