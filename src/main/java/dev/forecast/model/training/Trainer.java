package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.TrainedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The training loop: batches from {@link WindowedData}, one {@code fit} per batch (so a
 * stop request takes effect within one batch), validation after every epoch, early
 * stopping that restores the best epoch's weights. It runs on the calling thread and
 * holds no locks or transactions.
 */
public final class Trainer {

	private Trainer() {
	}

	/**
	 * The network {@code spec} describes over {@code series}, untrained, with its data.
	 */
	public static Setup setup(TrainSpec spec, double[] series) {
		boolean sequence = Networks.sequenceInput(spec);
		WindowedData data = WindowedData.of(series, spec.window(), spec.horizon(), spec.validation(),
				spec.normalization(), spec.lag(), sequence);
		int iterationsPerEpoch = (data.trainCount() + spec.batchSize() - 1) / spec.batchSize();
		MultiLayerNetwork network = new MultiLayerNetwork(Networks.configure(spec, iterationsPerEpoch));
		network.init();
		return new Setup(network, data, sequence);
	}

	/** A network and the windows it trains on. */
	public record Setup(MultiLayerNetwork network, WindowedData data, boolean sequenceInput) {
	}

	/**
	 * Trains {@code spec}'s network on {@code series} (its last {@code spec.validation()}
	 * points held out). {@code specJson} travels with the model as its description.
	 */
	public static TrainingResult train(TrainSpec spec, double[] series, TrainingMonitor monitor, String specJson) {
		return train(spec, series, monitor, specJson, 1);
	}

	/**
	 * Trains an ensemble of {@code networks} networks of {@code spec} (seeds
	 * {@code seed}, {@code seed + 1}, ...; the first reports its epochs to
	 * {@code monitor}, all stop when it says so) whose model serves the median of their
	 * forecasts; validation errors are the ensemble's.
	 */
	public static TrainingResult train(TrainSpec spec, double[] series, TrainingMonitor monitor, String specJson,
			int networks) {
		TrainingResult first = trainOne(spec, series, monitor, specJson);
		if (networks <= 1 || first.model() == null || first.stopped()) {
			return first;
		}
		TrainingMonitor stopOnly = new TrainingMonitor() {

			@Override
			public boolean shouldStop() {
				return monitor.shouldStop();
			}

			@Override
			public void onEpoch(EpochStats stats, int epochs) {
			}

		};
		List<TrainedModel> members = new ArrayList<>();
		double seconds = first.trainSeconds();
		for (int m = 1; m < networks; m++) {
			TrainingResult member = trainOne(spec.toBuilder().seed(spec.seed() + m).build(), series, stopOnly,
					specJson);
			seconds += member.trainSeconds();
			if (member.model() == null || member.stopped()) {
				return new TrainingResult(first.model(), true, first.bestEpoch(), first.valMae(), first.valRmse(),
						seconds, first.curve());
			}
			members.add(member.model());
		}
		TrainedModel model = first.model().withMembers(members);
		double[] errors = validationErrors(model, series, spec.validation());
		return new TrainingResult(model, false, first.bestEpoch(), errors[0], errors[1], seconds, first.curve(),
				first.naiveMae(), first.suggestedLearningRate(), first.seasonalNaiveMae(), first.season());
	}

	/**
	 * MAE and RMSE of {@code model}'s direct forecasts of the validation windows (every
	 * origin whose {@code horizon} targets lie in the series), series units.
	 */
	static double[] validationErrors(TrainedModel model, double[] series, int validation) {
		int trainEnd = series.length - validation;
		double[][] forecasts = ValidationResiduals.forecasts(model, series, validation, model.horizon());
		double absolute = 0;
		double squared = 0;
		long count = 0;
		for (int i = 0; i + model.horizon() <= validation; i++) {
			for (int k = 0; k < model.horizon(); k++) {
				double error = forecasts[i][k] - series[trainEnd + i + k];
				absolute += Math.abs(error);
				squared += error * error;
				count++;
			}
		}
		return new double[] { absolute / count, Math.sqrt(squared / count) };
	}

	private static TrainingResult trainOne(TrainSpec spec, double[] series, TrainingMonitor monitor, String specJson) {
		long started = System.nanoTime();
		Setup setup = setup(spec, series);
		MultiLayerNetwork network = setup.network();
		RateControl rates = new RateControl(spec, network);
		WindowedData data = setup.data();
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
		double seconds = (System.nanoTime() - started) / 1e9;
		if (bestParams == null) {
			return new TrainingResult(null, stopped, 0, Double.NaN, Double.NaN, seconds, curve);
		}
		network.setParams(bestParams);
		Errors errors = evaluate(network, data, validation, loss);
		TrainedModel model = new TrainedModel(network, spec.model(), data.transform(), spec.window(), spec.horizon(),
				setup.sequenceInput(), specJson);
		Double suggested = null;
		if (Schedules.RANGE_TEST.equals(spec.schedule().type())) {
			OptionalDouble suggestion = RangeTest.suggest(curve);
			suggested = suggestion.isPresent() ? suggestion.getAsDouble() : null;
		}
		return new TrainingResult(model, stopped, bestEpoch, errors.mae(), errors.rmse(), seconds, curve,
				Diagnosis.naiveMae(series, spec.window(), spec.horizon(), spec.validation()), suggested,
				NaiveBaselines.seasonalNaiveMae(series, spec.horizon(), spec.validation(), spec.season()),
				spec.season());
	}

	/**
	 * Validation errors: loss in normalized units, MAE and RMSE in series units over all
	 * outputs.
	 */
	record Errors(double loss, double mae, double rmse) {
	}

	static Errors evaluate(MultiLayerNetwork network, WindowedData data, DataSet validation, ILossFunction loss) {
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
