package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.model.TrainSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The training loop over any {@link TrainingWindows}: one {@code fit} per batch (so a
 * stop request takes effect within one batch), validation after every epoch, early
 * stopping that restores the best epoch's weights into the network.
 */
final class TrainingLoop {

	private TrainingLoop() {
	}

	/**
	 * What the loop left: the network holds the best epoch's weights when {@code errors}
	 * is not {@code null} (else no epoch ended).
	 */
	record Outcome(boolean stopped, int bestEpoch, List<EpochStats> curve, Errors errors) {
	}

	/**
	 * Validation errors: loss in normalized units, MAE and RMSE in the units of the
	 * windows' forecasts over all outputs.
	 */
	record Errors(double loss, double mae, double rmse) {
	}

	static Outcome run(TrainSpec spec, MultiLayerNetwork network, TrainingWindows data, TrainingMonitor monitor) {
		RateControl rates = new RateControl(spec, network);
		ILossFunction loss = Losses.create(spec.loss());
		DataSet validation = data.validation();
		DataSetIterator batches = data.trainIterator(spec.batchSize(), spec.shuffle(), spec.seed());
		DataSetIterator iterator = spec.prefetch() > 0 ? new AsyncDataSetIterator(batches, spec.prefetch()) : batches;
		List<EpochStats> curve = new ArrayList<>();
		TrainSpec.EarlyStopping early = spec.earlyStopping();
		boolean monitorLoss = "valLoss".equals(early.monitor());
		INDArray bestParams = null;
		double best = Double.POSITIVE_INFINITY;
		int bestEpoch = 0;
		int sinceBest = 0;
		boolean stopped = false;
		try {
			for (int epoch = 1; epoch <= spec.epochs() && !stopped; epoch++) {
				long epochStart = System.nanoTime();
				if (epoch > 1) {
					iterator.reset();
				}
				double lossSum = 0;
				long examples = 0;
				while (iterator.hasNext()) {
					rates.beforeBatch();
					if (monitor.shouldStop()) {
						stopped = true;
						break;
					}
					DataSet batch = iterator.next();
					long n = batch.numExamples();
					network.fit(batch);
					lossSum += network.score() * n;
					examples += n;
				}
				if (stopped) {
					break;
				}
				network.incrementEpochCount();
				Errors errors = evaluate(network, data, validation, loss);
				double trainLoss = lossSum / Math.max(1, examples);
				if (!Double.isFinite(trainLoss) || !Double.isFinite(errors.loss())) {
					if (rates.endsOnDivergence()) {
						break; // a learning-rate range test ends where the loss blows up
					}
					throw new IllegalStateException("Training diverged in epoch " + epoch
							+ " (the loss is not a finite number); lower the learning rate or clip gradients");
				}
				EpochStats stats = new EpochStats(epoch, trainLoss, errors.loss(), errors.mae(), rates.epochRate(),
						(System.nanoTime() - epochStart) / 1e9);
				curve.add(stats);
				double value = monitorLoss ? errors.loss() : errors.mae();
				if (bestParams == null || value < best - early.minDelta()) {
					best = value;
					bestEpoch = epoch;
					bestParams = network.params().dup();
					sinceBest = 0;
				}
				else {
					sinceBest++;
				}
				monitor.onEpoch(stats, spec.epochs());
				if (rates.afterEpoch(stats)) {
					break;
				}
				if (early.patience() > 0 && sinceBest >= early.patience()) {
					break;
				}
			}
		}
		finally {
			if (iterator instanceof AsyncDataSetIterator async) {
				async.shutdown();
			}
		}
		if (bestParams == null) {
			return new Outcome(stopped, 0, curve, null);
		}
		network.setParams(bestParams);
		return new Outcome(stopped, bestEpoch, curve, evaluate(network, data, validation, loss));
	}

	static Errors evaluate(MultiLayerNetwork network, TrainingWindows data, DataSet validation, ILossFunction loss) {
		INDArray output = network.output(validation.getFeatures(), false);
		INDArray labels = validation.getLabels();
		double lossValue = loss.computeScore(labels, output.dup(), new ActivationIdentity(), null, true);
		double[][] predicted = data.validationForecasts(output.dup('c').data().asFloat());
		double[][] actual = data.validationTargets();
		double absolute = 0;
		double squared = 0;
		long count = 0;
		for (int i = 0; i < predicted.length; i++) {
			for (int k = 0; k < predicted[i].length; k++) {
				double error = predicted[i][k] - actual[i][k];
				absolute += Math.abs(error);
				squared += error * error;
				count++;
			}
		}
		return new Errors(lossValue, absolute / count, Math.sqrt(squared / count));
	}

}
